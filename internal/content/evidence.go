package content

import (
	"sort"
	"strings"
)

// checkEvidence warns about what makes a brief harder to trust or to
// follow, without stopping the build:
//
//   - a brief for the public (audiences includes public) without a
//     "What this means for you" section;
//   - link text that leads to one page here and to another elsewhere on
//     the hub (or that is the title of another page), since a reader who
//     hears the same words expects the same place.
func (l *loader) checkEvidence() {
	for _, b := range l.site.Briefs {
		if b.ForYou != "" {
			continue
		}
		for _, a := range b.Audiences {
			if a.Slug == "public" {
				p := b.pending.audiencesAt

				l.diags(b.Source).warnf(p.Line, p.Col,
					"add a section \"## "+ForYouTitle+"\" saying what the evidence means for people and carers, practitioners and commissioners",
					"this brief is for the public but has no %q section", ForYouTitle)
				break
			}
		}
	}
	l.checkLinkTexts(nil)
}

// linkUse is one link written by an editor, with where it goes.
type linkUse struct {
	text   string // in lower case, spaces made one
	pos    Pos
	target string // site path without fragment
}

// linkUses are the links of one file that checkLinkTexts weighs: every
// link but images and links left as written, with its text folded.
func linkUses(source string, links []resolvedLink) []linkUse {
	var out []linkUse
	for _, lk := range links {
		if lk.target == "" || lk.Image {
			continue
		}
		text := strings.ToLower(strings.Join(strings.Fields(lk.Text), " "))
		if text == "" {
			continue
		}
		target, _, _ := strings.Cut(lk.target, "#")
		out = append(out, linkUse{text: text, pos: Pos{File: source, Line: lk.Pos.Line, Col: lk.Pos.Col}, target: target})
	}
	return out
}

// checkLinkTexts finds link text, ignoring case, that leads to more than
// one page. Each use that goes somewhere other than the first such use
// (or than the page of that title) is a warning at its own line. It reads
// each file's links from its uses, which stay after the body is rendered.
// With only, it weighs only those texts: each text's problems depend on
// its own uses alone.
func (l *loader) checkLinkTexts(only map[string]bool) {
	uses := map[string][]linkUse{}
	add := func(us []linkUse) {
		for _, u := range us {
			if only == nil || only[u.text] {
				uses[u.text] = append(uses[u.text], u)
			}
		}
	}
	for _, p := range l.site.Pages {
		add(p.uses)
	}
	for _, e := range l.site.Glossary {
		add(e.uses)
	}
	titles := map[string]*Page{}
	for _, p := range l.site.Pages {
		if p.Kind == KindBrief || p.Kind == KindFunction || p.Kind == KindPriority {
			if _, used := uses[p.sortKey]; used { // the title in lower case
				titles[p.sortKey] = p
			}
		}
	}
	for _, text := range sortedKeys(uses) {
		us := uses[text]
		sort.SliceStable(us, func(i, j int) bool { return posLess(us[i].pos, us[j].pos) })
		first, title := us[0], titles[text]
		for _, u := range us {
			const hint = "let the words say which page it is (add \"brief\", \"priority\" or \"topic\", say), so that the same words always lead to the same place"
			switch {
			case title != nil && u.target != title.URL:
				l.diags(u.pos.File).warnf(u.pos.Line, u.pos.Col, hint,
					"the link text %q leads to %s, but it is the title of %s", text, u.target, title.URL)
			case title == nil && u.target != first.target:
				l.diags(u.pos.File).warnf(u.pos.Line, u.pos.Col, hint,
					"the link text %q leads to %s here, but to %s at %s", text, u.target, first.target, first.pos)
			}
		}
	}
}

func posLess(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}
