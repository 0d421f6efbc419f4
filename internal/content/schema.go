package content

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// The keys of each kind of file, with their types and limits, are defined
// once here. readFields checks keys against them, the readers take their
// limits and examples from them, JSONSchema turns them into the JSON
// Schemas in schemas/ that editors' tools use (VS Code underlines a
// mistake in site.yaml while it is typed), and Snippets into the front
// matter snippets VS Code offers in Markdown files. After changing a
// table, regenerate both with "make schemas"; a test fails while they
// differ.

// FieldKind is the type of a front matter value.
type FieldKind int

const (
	Text       FieldKind = iota // one line of text
	List                        // a list of words or phrases; one value is a list of one
	Date                        // YYYY-MM-DD
	Bool                        // true or false
	Whole                       // a whole number
	Number                      // a number, whole or not
	SourceList                  // a list of sources, each with the keys of Fields
	NameMap                     // a map of slugs to the names readers see
	Group                       // a set of keys, each of Fields
	Scalar                      // one value, text or a number: "3", 49
)

// Field is one key of a front matter block or of site.yaml.
type Field struct {
	Key      string
	Kind     FieldKind
	Required bool
	Max      int      // Text: most characters (0: no limit); Whole: largest value
	Min      int      // Whole: smallest value
	Example  string   // shown in hints: "key: example"
	Doc      string   // what it is, for editors: the schema's description
	Enum     []string // List: the only values allowed
	Pattern  string   // Text and List items: the form a value takes
	Fields   []Field  // SourceList and Group: the keys inside
}

const (
	datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	slugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	webPattern  = `^https?://[^\s/]+`
)

var sourceFields = []Field{
	{Key: "title", Kind: Text, Required: true, Example: `"Name of the report"`, Doc: "The title of the report, article or web page, as it is given in it."},
	{Key: "author", Kind: Text, Example: "O'Neill A, Robinson CA", Doc: "Who wrote it: surnames and initials, or the organisation."},
	{Key: "editor", Kind: Text, Example: "Smith J", Doc: "Who edited it, for an edited book or collection."},
	{Key: "year", Kind: Whole, Min: 1000, Max: 9999, Example: "2025", Doc: "The year it was published, as four digits."},
	{Key: "publisher", Kind: Text, Example: "Cambridge University Press", Doc: "Who published it: a publisher or an organisation."},
	{Key: "journal", Kind: Text, Example: "BJPsych Bulletin", Doc: "The journal an article is in."},
	{Key: "volume", Kind: Scalar, Example: "49", Doc: "The journal's volume."},
	{Key: "issue", Kind: Scalar, Example: "3", Doc: "The journal's issue."},
	{Key: "pages", Kind: Scalar, Example: "123-130", Doc: "The pages of the article."},
	{Key: "doi", Kind: Text, Pattern: `^(https?://(dx\.)?doi\.org/|doi:\s*)?10\.[0-9]{4,9}/\S+$`, Example: "10.1192/bjb.2024.80", Doc: "Its DOI, which starts with 10."},
	{Key: "url", Kind: Text, Pattern: webPattern, Example: "https://example.org/report", Doc: "Its web address, starting with https://."},
	{Key: "accessed", Kind: Date, Example: "2026-12-01", Doc: "The day it was read online: year-month-day."},
	{Key: "type", Kind: Text, Enum: sourceTypeNames(), Example: "research-study", Doc: "What kind of evidence it is."},
	{Key: "note", Kind: Text, Example: "read in O'Neill and others (2025)", Doc: "A short note shown after the reference."},
}

var briefFields = []Field{
	{Key: "title", Kind: Text, Required: true, Max: 90, Example: "What is mental health social care?", Doc: "The brief's name, as readers see it. If it has a colon in it, put it in straight quotation marks."},
	{Key: "summary", Kind: Text, Required: true, Max: 300, Example: "What the brief says, in a sentence or two.", Doc: "One or two plain sentences, shown in lists, search results and feeds."},
	{Key: "functions", Kind: List, Pattern: slugPattern, Example: "[stewardship, capacity]", Doc: "The functions it belongs to: file names in content/functions/, without .md. A brief has at least one function or priority."},
	{Key: "priorities", Kind: List, Pattern: slugPattern, Example: "[better-lives]", Doc: "The research priorities it covers: file names in content/priorities/, without .md."},
	{Key: "topics", Kind: List, Example: "[recovery, unpaid-carers]", Doc: "Topics from the list under topics: in site.yaml."},
	{Key: "audiences", Kind: List, Enum: audienceSlugs(), Example: "[public, practitioners]", Doc: "Who it is for."},
	{Key: "published", Kind: Date, Required: true, Example: "2026-11-20", Doc: "The day it first went on the site: year-month-day."},
	{Key: "reviewed", Kind: Date, Required: true, Example: "2026-11-20", Doc: "The day it was last checked against its sources: year-month-day."},
	{Key: "review_due", Kind: Date, Example: "2027-11-20", Doc: "When it should next be checked. Leave it out to use review_interval in site.yaml."},
	{Key: "content_note", Kind: Text, Max: 300, Example: "This page talks about being detained in hospital.", Doc: "A one-sentence note shown before the text, for difficult subjects."},
	{Key: "sources", Kind: SourceList, Fields: sourceFields, Doc: "Where the facts come from, shown as a numbered list."},
	{Key: "applies_to", Kind: List, Enum: placeSlugs(), Example: "[england]", Doc: "Where in the UK it applies: law and services differ between the nations."},
	{Key: "draft", Kind: Bool, Example: "true", Doc: "true keeps the brief off the site while it is written."},
	{Key: "aliases", Kind: List, Pattern: "^/", Example: "[/old/path/]", Doc: "Old addresses of the brief, from the site's root; each redirects here."},
}

var termFields = []Field{
	{Key: "title", Kind: Text, Required: true, Max: 90, Example: "Stewardship", Doc: "The name of the function or priority."},
	{Key: "label", Kind: Text, Max: 90, Example: "Setting the direction", Doc: "A plain-English subtitle."},
	{Key: "summary", Kind: Text, Required: true, Max: 300, Example: "What this means, in a sentence or two.", Doc: "One or two plain sentences."},
	{Key: "order", Kind: Whole, Min: -1000, Max: 1000, Example: "1", Doc: "Its place on listing pages: lower numbers first."},
}

var glossaryFields = []Field{
	{Key: "title", Kind: Text, Required: true, Max: 90, Example: "Approved mental health professional", Doc: "The term, in full."},
	{Key: "abbr", Kind: Text, Max: 20, Example: "AMHP", Doc: "Its short form, if it has one."},
	{Key: "also", Kind: List, Example: "[AMHPs, approved mental health professionals]", Doc: "Other forms of the term to recognise in briefs."},
	{Key: "summary", Kind: Text, Required: true, Max: 300, Example: "A specially trained professional who ...", Doc: "What it means, in a sentence or two."},
	{Key: "applies_to", Kind: List, Enum: placeSlugs(), Example: "[england]", Doc: "Where in the UK the term applies."},
}

var pageFields = []Field{
	{Key: "title", Kind: Text, Required: true, Max: 90, Example: "About the hub", Doc: "The page's name."},
	{Key: "summary", Kind: Text, Required: true, Max: 300, Example: "What this page is about, in a sentence or two.", Doc: "One or two plain sentences."},
	{Key: "draft", Kind: Bool, Example: "true", Doc: "true keeps the page off the site."},
	{Key: "aliases", Kind: List, Pattern: "^/", Example: "[/old/path/]", Doc: "Old addresses of the page, from the site's root."},
	{Key: "reviewed", Kind: Date, Example: "2026-11-20", Doc: "The day it was last checked: year-month-day."},
	{Key: "review_due", Kind: Date, Example: "2027-11-20", Doc: "When it should next be checked."},
}

var checkFields = []Field{
	{Key: "min_words", Kind: Whole, Max: 100000, Example: "400", Doc: "Fewest words in a brief's text."},
	{Key: "max_words", Kind: Whole, Max: 100000, Example: "900", Doc: "Most words in a brief's text."},
	{Key: "reading_grade", Kind: Number, Min: 1, Max: 20, Example: "8", Doc: "The reading grade to aim for: a warning above it."},
	{Key: "reading_grade_limit", Kind: Number, Min: 1, Max: 20, Example: "8.5", Doc: "Above it, a page anyone may read is an error."},
	{Key: "mean_reading_grade", Kind: Number, Min: 1, Max: 20, Example: "8", Doc: "The most the mean reading grade of all briefs may be."},
	{Key: "min_sources", Kind: Whole, Max: 100, Example: "1", Doc: "Fewest sources a brief lists."},
	{Key: "needs_audience", Kind: Bool, Example: "true", Doc: "Every brief says who it is for."},
	{Key: "needs_link_in", Kind: Bool, Example: "true", Doc: "Another page links to every brief."},
	{Key: "needs_applies_to", Kind: Bool, Example: "true", Doc: "Every brief and glossary entry says where it applies (applies_to)."},
	{Key: "needs_source_type", Kind: Bool, Example: "true", Doc: "Every source of a brief says what kind of evidence it is (type)."},
	{Key: "sections", Kind: List, Example: "[What we do not know]", Doc: "Headings (##) every brief has."},
	{Key: "known_abbreviations", Kind: List, Example: "[NHS, UK, GP]", Doc: "Abbreviations every reader knows, which need no glossary entry."},
}

var siteFields = []Field{
	{Key: "title", Kind: Text, Required: true, Example: "Mental Health Social Care Knowledge Hub", Doc: "The site's name."},
	{Key: "base_url", Kind: Text, Required: true, Pattern: webPattern, Example: "https://owner.github.io/hub/", Doc: "Where the site is published."},
	{Key: "language", Kind: Text, Example: "en-GB", Doc: "The language of the pages."},
	{Key: "description", Kind: Text, Max: 300, Example: "Evidence on mental health social care in plain English", Doc: "The home page's description."},
	{Key: "repository", Kind: Text, Pattern: webPattern, Example: "https://github.com/owner/repo", Doc: "The web address of the source, for \"Suggest a change\"."},
	{Key: "branch", Kind: Text, Example: "main", Doc: "The branch for \"Suggest a change\"."},
	{Key: "custom_domain", Kind: Text, Max: 253, Example: "hub.example.org", Doc: "A domain name of the site's own, alone, for GitHub Pages (written to CNAME)."},
	{Key: "feed_entries", Kind: Whole, Min: 1, Max: 1000, Example: "50", Doc: "How many of the latest briefs each feed lists."},
	{Key: "review_interval", Kind: Whole, Min: 1, Max: 60, Example: "12", Doc: "Months from reviewed to the next review, when a page does not say."},
	{Key: "topics", Kind: NameMap, Doc: "The topics briefs may use, each with the name readers see."},
	{Key: "checks", Kind: Group, Fields: checkFields, Doc: "The rules the site holds its pages to, with their numbers."},
}

// Schemas are the files in schemas/, by file name, with the fields of
// each kind and what the schema is called.
var Schemas = []struct {
	File, Title string
	Fields      []Field
	Brief       bool // a brief needs a function or a priority
}{
	{"brief.schema.json", "Front matter of a brief (content/briefs/*.md)", briefFields, true},
	{"term.schema.json", "Front matter of a function or priority (content/functions/*.md, content/priorities/*.md)", termFields, false},
	{"glossary.schema.json", "Front matter of a glossary entry (content/glossary/*.md)", glossaryFields, false},
	{"page.schema.json", "Front matter of a page (content/pages/*.md, content/index.md)", pageFields, false},
	{"site.schema.json", "The site's settings (site.yaml)", siteFields, false},
}

func keysOf(fs []Field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Key
	}
	return out
}

func fieldOf(fs []Field, key string) Field {
	for _, f := range fs {
		if f.Key == key {
			return f
		}
	}
	panic("content: no field " + key) // a bug in this package, caught by its tests
}

func audienceSlugs() []string {
	var out []string
	for _, a := range Audiences {
		out = append(out, a.Slug)
	}
	return out
}

// JSONSchema returns the JSON Schema (draft 2020-12) of one kind of file.
func JSONSchema(title string, fields []Field, brief bool) ([]byte, error) {
	s := objectSchema(fields)
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = title
	s["description"] = "Made by alongside from the definitions it checks files with; do not edit by hand."
	if brief {
		some := map[string]any{"anyOf": []any{
			map[string]any{"type": "string", "minLength": 1},
			map[string]any{"type": "array", "minItems": 1},
		}}
		s["anyOf"] = []any{
			map[string]any{"required": []string{"functions"}, "properties": map[string]any{"functions": some}},
			map[string]any{"required": []string{"priorities"}, "properties": map[string]any{"priorities": some}},
		}
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func objectSchema(fields []Field) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range fields {
		props[f.Key] = fieldSchema(f)
		if f.Required {
			required = append(required, f.Key)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

func fieldSchema(f Field) map[string]any {
	desc := f.Doc
	if f.Example != "" {
		desc += " Example: " + f.Key + ": " + f.Example
	}
	var s map[string]any
	switch f.Kind {
	case Text:
		s = map[string]any{"type": "string"}
		if len(f.Enum) > 0 {
			s["enum"] = f.Enum
		}
		if f.Max > 0 {
			s["maxLength"] = f.Max
		}
		if f.Required {
			s["minLength"] = 1
			s["pattern"] = `\S`
		}
		if f.Pattern != "" {
			s["pattern"] = f.Pattern
		}
	case List:
		item := map[string]any{"type": "string", "minLength": 1}
		if len(f.Enum) > 0 {
			item["enum"] = f.Enum
		}
		if f.Pattern != "" {
			item["pattern"] = f.Pattern
		}
		s = map[string]any{"anyOf": []any{item, map[string]any{"type": "array", "items": item}, map[string]any{"type": "null"}}}
	case Date:
		s = map[string]any{"type": "string", "pattern": datePattern}
	case Scalar:
		s = map[string]any{"type": []string{"string", "number"}}
	case Bool:
		s = map[string]any{"type": "boolean"}
	case Whole:
		s = map[string]any{"type": "integer"}
		if f.Min != 0 || f.Max != 0 {
			s["minimum"], s["maximum"] = f.Min, f.Max
		}
	case Number:
		s = map[string]any{"type": "number"}
		if f.Min != 0 || f.Max != 0 {
			s["minimum"], s["maximum"] = f.Min, f.Max
		}
	case SourceList:
		s = map[string]any{"type": "array", "items": objectSchema(f.Fields)}
	case NameMap:
		s = map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string", "minLength": 1}}
	case Group:
		s = objectSchema(f.Fields)
	default:
		panic(fmt.Sprintf("content: field %s has no kind", f.Key))
	}
	s["description"] = strings.TrimSpace(desc)
	return s
}

// The patterns must compile as Go regexps too: the schema test uses them.
var _ = regexp.MustCompile(datePattern + slugPattern + webPattern)
