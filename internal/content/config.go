package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/alongside-hub/alongside/internal/markdown"
	"gopkg.in/yaml.v3"
)

// Config is site.yaml: settings that apply to the whole site.
type Config struct {
	Title          string            // the site's name
	BaseURL        string            // absolute, ends with "/": "https://owner.github.io/hub/"
	Language       string            // "en-GB"
	Description    string            // the home page's meta description
	Repository     string            // web address of the source, for "edit this page"; may be empty
	Branch         string            // branch for "edit this page"; default "main"
	ReviewInterval int               // months from reviewed to review_due when review_due is not given
	CustomDomain   string            // "hub.example.org": written to CNAME for GitHub Pages; may be empty
	TopicNames     map[string]string // topic slug -> label shown to readers; when not empty, the only topics a brief may use
	FeedEntries    int               // how many of the latest briefs each feed lists; default 50
	Checks         Checks            // the site's own rules, from "checks:"
}

// Checks are the rules a site holds its pages to on top of the rules every
// site has, with their numbers, from site.yaml's "checks:". A zero value
// turns a rule off, so a site without "checks:" has none of them.
type Checks struct {
	MinWords, MaxWords int      // words in a brief's body; an error outside them
	ReadingGrade       float64  // reading grade to aim for; a warning above it
	ReadingGradeLimit  float64  // above it, a page anyone may read is an error
	MeanReadingGrade   float64  // the most the mean grade of all briefs may be; an error above it
	meanGradeAt        Pos      // where site.yaml sets it
	MinSources         int      // sources a brief lists at least; an error below it
	NeedsAudience      bool     // a brief says who it is for; an error without
	NeedsLinkIn        bool     // another page links to each brief; an error without
	NeedsAppliesTo     bool     // briefs and glossary entries say where they apply; an error without
	NeedsSourceType    bool     // every source of a brief gives its type; an error without
	Sections           []string // level-2 headings every brief has, such as "What we do not know"
	KnownAbbreviations []string // abbreviations readers know without a glossary entry
}

var checkKeys = keysOf(checkFields)

func readChecks(n *yaml.Node, d diags) Checks {
	var c Checks
	if n.Kind != yaml.MappingNode {
		d.errorf(n.Line, n.Column, "write one rule per line under checks:, indented, like:\n      min_words: 400", "checks should list rules and their numbers")
		return c
	}
	f := readFields(splitResult{meta: n, metaLine: 1, openLine: n.Line}, d, "checks setting", checkKeys)
	whole := func(key string) int {
		fd := fieldOf(checkFields, key)
		lo, hi := fd.Min, fd.Max
		v, ok := f.integer(key)
		if ok && (v < lo || v > hi) {
			p := f.posOf(key)
			d.errorf(p.Line, p.Col, fmt.Sprintf("give a number from %d to %d", lo, hi), "%s should be from %d to %d, not %d", key, lo, hi, v)
			return 0
		}
		return v
	}
	c.MinWords = whole("min_words")
	c.MaxWords = whole("max_words")
	if c.MaxWords > 0 && c.MinWords > c.MaxWords {
		p := f.posOf("max_words")
		d.errorf(p.Line, p.Col, "make max_words larger than min_words", "max_words (%d) is less than min_words (%d)", c.MaxWords, c.MinWords)
	}
	number := func(key string) float64 {
		fd := fieldOf(checkFields, key)
		return f.number(key, float64(fd.Min), float64(fd.Max))
	}
	c.ReadingGrade = number("reading_grade")
	c.ReadingGradeLimit = number("reading_grade_limit")
	c.MeanReadingGrade = number("mean_reading_grade")
	c.meanGradeAt = f.posOf("mean_reading_grade")
	c.MinSources = whole("min_sources")
	c.NeedsAudience = f.boolean("needs_audience")
	c.NeedsLinkIn = f.boolean("needs_link_in")
	c.NeedsAppliesTo = f.boolean("needs_applies_to")
	c.NeedsSourceType = f.boolean("needs_source_type")
	for _, it := range f.list("sections", "[What we do not know]") {
		c.Sections = append(c.Sections, it.Value)
	}
	for _, it := range f.list("known_abbreviations", "[UK, NHS, GP]") {
		c.KnownAbbreviations = append(c.KnownAbbreviations, it.Value)
	}
	return c
}

// BasePath is the path part of BaseURL, "/" or "/hub/".
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// Abs turns a site path into an absolute URL.
func (c Config) Abs(sitePath string) string {
	return strings.TrimSuffix(c.BaseURL, "/") + sitePath
}

var configKeys = keysOf(siteFields)

// readConfig reads site.yaml. A missing file is an error, as are unknown
// keys; the returned Config always has usable values.
func readConfig(fsys fs.FS, opt Options, list *Diagnostics) (Config, error) {
	cfg := Config{Title: "Untitled site", BaseURL: "http://localhost/", Language: "en-GB", Branch: "main", ReviewInterval: 12, FeedEntries: 50}
	d := diags{list: list, file: "site.yaml"}
	if info, err := fs.Stat(fsys, "site.yaml"); err == nil && !info.Mode().IsRegular() {
		d.errorf(0, 0, "make site.yaml a plain text file at the top of the project, with at least title and base_url",
			"site.yaml is a folder, not a file")
		return cfg, nil
	}
	src, err := fs.ReadFile(fsys, "site.yaml")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		d.errorf(0, 0, "create site.yaml at the top of the project with at least title and base_url", "the site settings file is missing")
		return cfg, nil
	case err != nil:
		return cfg, err
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF")) // Notepad starts UTF-8 files with one
	src = markdown.LoneCRToLF(src)                // a lone carriage return ends a line, as in editors
	doc := decodeYAML(src, 1, d, "site.yaml")
	r := splitResult{metaLine: 1, openLine: 1, broken: doc.repaired}
	if doc.node != nil && doc.node.Kind == yaml.MappingNode {
		r.meta = doc.node
	}
	f := readFields(r, d, "site settings file", configKeys)
	f.line0 = 0
	cfg.Title = orDefault(f.str("title", true, 0, "Mental Health Social Care Knowledge Hub"), cfg.Title)
	cfg.Description = f.str("description", false, 300, "Evidence on mental health social care in plain English")
	cfg.Language = orDefault(f.str("language", false, 0, "en-GB"), cfg.Language)
	cfg.Repository = strings.TrimSuffix(f.str("repository", false, 0, "https://github.com/owner/repo"), "/")
	cfg.Branch = orDefault(f.str("branch", false, 0, "main"), cfg.Branch)
	if n, ok := f.integer("review_interval"); ok {
		if ri := fieldOf(siteFields, "review_interval"); n < ri.Min || n > ri.Max {
			p := f.posOf("review_interval")
			d.errorf(p.Line, p.Col, "give the number of months between reviews, like: review_interval: 12", "review_interval should be between 1 and 60 months, not %d", n)
		} else {
			cfg.ReviewInterval = n
		}
	}
	if n, ok := f.integer("feed_entries"); ok {
		if n < 1 || n > 1000 {
			p := f.posOf("feed_entries")
			d.errorf(p.Line, p.Col, "give how many of the latest briefs a feed lists, like: feed_entries: 50", "feed_entries should be between 1 and 1000, not %d", n)
		} else {
			cfg.FeedEntries = n
		}
	}
	base := f.str("base_url", true, 0, "https://owner.github.io/hub/")
	if opt.BaseURL != "" {
		base = opt.BaseURL
	}
	if base != "" {
		if u, ok := NormalizeBaseURL(base); !ok {
			p := f.posOf("base_url")
			if opt.BaseURL != "" {
				p = Pos{File: "-base-url"}
			}
			*list = append(*list, Diagnostic{Pos: p, Severity: Error,
				Msg:  "the base URL " + quote(base) + " is not a full web address",
				Hint: "write it like https://owner.github.io/hub/"})
		} else {
			cfg.BaseURL = u
		}
	}
	cfg.CustomDomain = readDomain(f, cfg.BaseURL, d)
	cfg.TopicNames = map[string]string{}
	if n := f.values["topics"]; n != nil {
		if n.Kind != yaml.MappingNode {
			d.errorf(n.Line, n.Column, "write one topic per line, like:  housing: Housing and homes", "topics should map each topic to the name readers see")
		} else {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				cfg.TopicNames[Slugify(k.Value)] = strings.TrimSpace(v.Value)
			}
		}
	}
	if n := f.values["checks"]; n != nil {
		cfg.Checks = readChecks(n, d)
	}
	return cfg, nil
}

var domainName = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$`)

// readDomain reads custom_domain: a domain name alone, which GitHub Pages
// finds in CNAME. A base URL on another host is a warning, since the
// canonical links, feeds and sitemap would then point elsewhere.
func readDomain(f *fields, baseURL string, d diags) string {
	dom := strings.ToLower(f.str("custom_domain", false, 253, "hub.example.org"))
	if dom == "" {
		return ""
	}
	p := f.posOf("custom_domain")
	if !domainName.MatchString(dom) {
		d.errorf(p.Line, p.Col, "write the domain name alone, like: custom_domain: hub.example.org",
			"custom_domain %s is not a domain name", quote(dom))
		return ""
	}
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != dom {
		d.warnf(p.Line, p.Col, "make base_url https://"+dom+"/, and set the same domain in the repository's Settings, Pages",
			"the base URL %s is not on the custom domain %s", quote(baseURL), quote(dom))
	}
	return dom
}

// NormalizeBaseURL checks that s is a full http or https address with no
// query or fragment, and returns it ending in "/", as the site uses it.
func NormalizeBaseURL(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", false
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), true
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func quote(s string) string { return `"` + s + `"` }

// Options are the choices of one build.
type Options struct {
	BuildDate time.Time // "today": reviewed dates may not be after it
	Drafts    bool      // include pages marked draft: true
	BaseURL   string    // overrides site.yaml's base_url when not empty
	Strict    bool      // every warning is an error ("check -strict")
	Cache     *Cache    // reuse what earlier Loads read from unchanged files; may be nil
	// Trace, when not nil, is told how long each stage of Load took, in
	// the order they ran; for "alongside build -timings" and benchmarks.
	Trace func(stage string, took time.Duration)
}
