package synth

import (
	"fmt"
	"strings"
)

// Hugo returns the same corpus as Hub as a minimal Hugo site, for
// comparison: the same Markdown bodies; taxonomies for functions,
// priorities and tags (the topics); related pages from those three; links
// to .md files resolved to pages by a render hook; a page per brief with
// its terms, related list and previous/next; list pages and feeds.
//
// Related lists are on unless Hugo is also given the config file
// "norelated.toml" (hugo --config hugo.toml,norelated.toml). Hugo links no
// glossary terms and makes no search data, so it does less than alongside.
func Hugo(opt Options) map[string][]byte {
	g := newHub(opt)
	files := map[string][]byte{}
	add := func(name, s string) { files[name] = []byte(s) }
	add("hugo.toml", hugoConfig)
	add("norelated.toml", "[params]\n  related = false\n")
	add("content/_index.md", "---\ntitle: Synthetic hub\n---\nThis hub is made up.\n")
	add("content/help.md", "---\ntitle: Help\nsummary: Where to get help now.\n---\nIf you need help now, call 111.\n")
	add("content/about.md", "---\ntitle: About\nsummary: About this made-up hub.\n---\nEvery brief here is made up.\n")
	for _, f := range Functions {
		add("content/functions/"+f+"/_index.md", fmt.Sprintf("---\ntitle: %s\nsummary: Briefs on %s.\n---\nWhat this function covers.\n", humanize(f), humanize(f)))
	}
	for _, p := range Priorities {
		add("content/priorities/"+p+"/_index.md", fmt.Sprintf("---\ntitle: %s\nsummary: Briefs on %s.\n---\nWhat this priority covers.\n", humanize(p), humanize(p)))
	}
	for _, e := range glossary {
		add("content/glossary/"+slug(e[0])+".md", fmt.Sprintf("---\ntitle: %s\nsummary: What %s means.\n---\nA longer note on %s.\n",
			e[0], strings.ToLower(e[0]), strings.ToLower(e[0])))
	}
	for i := range g.briefs {
		b := &g.briefs[i]
		fm := g.frontMatter(i)
		// The same front matter, with Hugo's names: topics are tags, and
		// published is the page's date.
		fm = strings.Replace(fm, "\ntopics:", "\ntags:", 1)
		fm = strings.Replace(fm, "\npublished:", "\ndate:", 1)
		add("content/briefs/"+b.slug+".md", fm+g.body(i))
	}
	add("layouts/_default/baseof.html", hugoBase)
	add("layouts/_default/single.html", hugoSingle)
	add("layouts/_default/list.html", hugoList)
	add("layouts/_default/_markup/render-link.html", hugoLinkHook)
	add("static/site.css", "body{font-family:sans-serif;max-width:40em;margin:auto}\n")
	return files
}

const hugoConfig = `baseURL = "https://example.org/hub/"
languageCode = "en-gb"
title = "Synthetic hub"
[taxonomies]
  function = "functions"
  priority = "priorities"
  tag = "tags"
[params]
  related = true
[related]
  includeNewer = true
  threshold = 0
  toLower = false
  [[related.indices]]
    name = "functions"
    weight = 1
  [[related.indices]]
    name = "priorities"
    weight = 1
  [[related.indices]]
    name = "tags"
    weight = 1
`

const hugoBase = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><ul><li><a href="{{ "/briefs/" | relURL }}">All briefs</a></li><li><a href="{{ "/functions/" | relURL }}">Functions</a></li>
<li><a href="{{ "/priorities/" | relURL }}">Priorities</a></li><li><a href="{{ "/tags/" | relURL }}">Topics</a></li>
<li><a href="{{ "/help/" | relURL }}">Help</a></li></ul></nav></header>
<main id="main_content">{{ block "main" . }}{{ end }}</main>
</body>
</html>
`

const hugoSingle = `{{ define "main" }}<h1>{{ .Title }}</h1>
<p class="lead">{{ .Params.summary }}</p>
{{ .Content }}
<h2>Filed under</h2>
<ul>{{ range .GetTerms "functions" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ range .GetTerms "priorities" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ if site.Params.related }}{{ with first 5 (site.RegularPages.Related .) }}<h2>Related briefs</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">Previous: {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">Next: {{ .Title }}</a>{{ end }}</nav>
{{ end }}
`

const hugoList = `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Params.summary }}</p></li>{{ end }}</ul>
{{ end }}
`

// hugoLinkHook sends a link to another brief's .md file to that page, as
// alongside does.
const hugoLinkHook = `{{- $u := urls.Parse .Destination -}}
{{- $href := .Destination -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
{{- with .Page.GetPage (strings.TrimSuffix ".md" $u.Path) -}}
{{- $href = .RelPermalink -}}{{- with $u.Fragment -}}{{- $href = printf "%s#%s" $href . -}}{{- end -}}
{{- else -}}{{- errorf "link to %q: there is no such page" $u.Path -}}
{{- end -}}
{{- end -}}
<a href="{{ $href | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>`
