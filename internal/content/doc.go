// Package content is the hub's content model and all its rules. It reads
// site.yaml and content/ from an fs.FS, checks every rule of the content
// contract (CONTENT-SCHEMA.md), links pages to each other and renders their
// Markdown. It knows nothing of layouts and writes nothing.
//
//	site, diags, err := content.Load(fsys, content.Options{BuildDate: today})
//
// err is for failures to read (I/O). Everything an editor can get wrong is a
// Diagnostic: all of them are returned, sorted by file, line and column, in
// plain English with a hint. Loading goes on past every problem, so one run
// shows them all; an error stops the build, a warning does not.
//
// # Folders and addresses
//
//	content/index.md               /                  the home page
//	content/briefs/<slug>.md       /briefs/<slug>/    one brief
//	content/functions/<slug>.md    /functions/<slug>/ one of the four functions
//	content/priorities/<slug>.md   /priorities/<slug>/ one research priority
//	content/glossary/<slug>.md     /glossary/#<slug>  one term on the glossary page
//	content/pages/<slug>.md        /<slug>/           about, help, ...
//	any other file under content/  the same path      copied as it is
//
// Files and folders whose names start with "_" or "." are ignored, so an
// editor can keep notes beside the content, and so is a file named
// Makefile (it lets "make check" run from that folder): see Ignored, which
// the layouts' assets follow too. A Markdown file
// anywhere else is an error, not silently unpublished. A file name must
// already be a slug (lower-case ASCII letters, digits, single hyphens);
// the message names what is wrong (capital letters, a name that differs
// from another only in case, a look-alike letter from another alphabet, an
// invisible space) and suggests a name that is free in the folder. A file
// that looks like a page but would be published as it is (housing.md.txt,
// housing.MD, housing.markdown, a .txt file that starts with front matter,
// a Word document among the pages) is an error and is not published. The
// layouts add the pages listed by Site.Generated; a file or alias that
// would take the same address as another is an error naming both.
//
// # Site settings
//
// site.yaml holds title, base_url, language, description, repository,
// branch, review_interval (months from reviewed to the next review, 12 if
// not given), topics (the names readers see for topic slugs) and
// feed_entries: how many of the latest briefs each Atom feed lists, 50 if
// not given, from 1 to 1000. The site-wide feed and the feed of each
// function and priority list that many of the newest briefs (by
// "published"), so a feed stays small however big the hub grows.
//
// # Front matter
//
// Every Markdown file starts with YAML between two lines of "---". The keys
// of each kind, their types and limits are defined once, in schema.go
// (briefFields, termFields, glossaryFields, pageFields, siteFields): the
// readers take their limits from there, and so do the JSON Schemas in
// schemas/ (make schemas). An unknown key is an error with "did you mean"
// for a near miss.
//
// YAML is read line by line before yaml.v3 decodes it (yamltext.go), so
// that each mistake an editor makes is told in plain words at its line and
// column: a colon in a value ("the title has a colon in it, after
// "Housing""), curly quotation marks, a tab, an invisible character by
// name ("there is a non-breaking space after "functions:""), a missing
// space after a colon, an unclosed list or quotation mark, text after a
// closing quotation mark, a line that lines up with nothing above it. Every
// problem yaml.v3 itself can report has plain words too. site.yaml is
// read the same way.
//
// # Front matter that cannot be read
//
// When the front matter cannot be read (a YAML mistake, as above, or no
// front matter at all), the file says so, at each mistake, and no rule
// about its front matter values is reported until it can be read: not a
// missing key, nor an unknown one, nor a value that breaks a rule
// (audiences, sources, applies_to, functions, dates...). A line that could
// not be read may hold any of them, so a message about them could be
// wrong, and once the mistake is fixed every rule is checked. Everything
// else is checked as in any file: the body's links, pictures, headings and
// link text, and the site's rules about the text alone (its length, its
// sections, its reading grade, measured against the aim since who it is
// for is not known). The file still takes its address, so links to it and
// to its headings are checked as usual, and it is never published: its
// error stops the build. The one value still used is draft: true, when it
// could be read, so that a draft with a mistake stays a draft, with its
// problems as warnings; and a glossary entry's title, abbr and also, when
// they could be read, still count as known abbreviations on other pages,
// so that one mistake in an entry does not set off warnings elsewhere.
//
// Choices made for editors who have never used a terminal:
//
//   - A list key given one value ("functions: capacity") is a list of one.
//   - Dates are written YYYY-MM-DD; a day that does not exist is named
//     ("February 2026 has 28 days"), and a date written another way is
//     given back year first. "published" and "reviewed" may not be after
//     the build date, nor "reviewed" before "published"; "review_due" defaults to reviewed plus
//     site.yaml's review_interval months and must come after "reviewed". A
//     review that is due is a warning, never an error: the page stays
//     published while someone checks it.
//   - A draft ("draft: true") is left out unless the build asks for drafts,
//     and its problems are then reported as warnings, so that work in
//     progress never stops the published site from building.
//   - A brief needs at least one function or priority, so that a taxonomy
//     page reaches it. Topics are made into slugs ("Unpaid carers" is
//     /topics/unpaid-carers/) and shown with the name site.yaml gives them;
//     when site.yaml lists topics, a brief may use only those, so that a
//     typo never makes a public topic page ("did you mean"). Audiences are
//     the five of the schema (see Audiences).
//   - The example text of the new brief template (Placeholders) is an
//     error in a brief that is not a draft.
//   - Text limits count characters, not bytes: title 90, summary 300.
//
// # Sources and where a page applies
//
// Each source of a brief is a list item of keys (see sourceKeys):
//
//	sources:
//	  - title: "Mental health social care: scoping a research system"
//	    author: O'Neill A, Robinson CA, Tree D, Clark M   # people or an organisation
//	    editor: Smith J                # for an edited book; optional
//	    year: 2025
//	    journal: BJPsych Bulletin      # an article's journal
//	    volume: "49"
//	    issue: "3"
//	    pages: 123-130
//	    publisher: Cambridge University Press
//	    doi: 10.1192/bjb.2024.80       # checked; linked as https://doi.org/...
//	    url: https://example.org/...   # http(s) only
//	    accessed: 2026-12-01           # the day a web page was read
//	    type: research-study           # the kind of evidence, see below
//	    note: read in O'Neill and others (2025)   # shown after the reference
//
// Only title is required. A DOI may be pasted with its address or a
// "doi:" in front; it is kept bare. The reference links to the DOI when
// there is one, else to the url.
//
// type is one of seven kinds, written as a slug or in plain words (both
// "policy-statement" and "Policy statement" work), and shown in plain
// words: research-study, review-of-studies, statistics, law,
// policy-statement, professional-guidance, expert-opinion. A few common
// other words are taken too ("review", "legislation", "guidance").
//
// applies_to, on briefs and glossary entries, says which of the UK's
// nations the page applies to: uk, england, england-and-wales, wales,
// scotland or northern-ireland, or a list of them ("[wales, scotland]").
// It is kept in its shortest form: [england, wales] is England and Wales,
// the four nations are the UK. Each nation has a page listing the briefs
// that apply there (a UK brief is on all four), made once any brief says
// where it applies.
//
// type and applies_to are optional for now, with no warning, so that the
// hub builds while its briefs are being given them: a source without a
// type shows without one and "About this evidence" counts it as a source
// "of a kind not given"; a brief without applies_to is on no nation's
// page. Once every page has them they should become warnings.
//
// # Positions
//
// Positions are lines and columns of the editor's file: columns count
// characters. Front matter positions come from yaml.v3 nodes; body
// positions from goldmark, offset by the lines the front matter took. A
// byte-order mark and Windows line endings are accepted, and a lone
// carriage return (old Mac files) ends a line. A file that is not UTF-8 is
// reported at its first bad byte; a file over MaxFileSize, an empty file
// and unclosed front matter each have their own message. A Markdown body
// that would make the parser slow or hungry (markdown.MaxBody and the
// other limits of the markdown package) is an error at the place it goes
// over, saying what to change.
//
// # Files and links on disk
//
// Every file is published from its real path: every symbolic link in it
// is followed, through folders and other links. A file whose real path is
// outside content/, in a folder the site ignores, behind an absolute link
// or a loop, or is not an ordinary file, is refused with its own message;
// content/ itself must be a real folder (see files.go). Copied files are
// read again, at render time, through the path that was checked, and
// refused if the file found there is no longer the one checked.
//
// An image must be a file of the site: a picture from another website
// (https:, http:, //, data: ...) is an error, since every reader's browser
// would fetch it. Aliases are plain paths ("/old/path/"); two sources that
// would make one file (compared in lower case, as on Windows and macOS)
// are an error naming both.
//
// # Links
//
// Editors link to source files with relative paths ("advocacy.md",
// "../glossary/amhp.md#x" is refused as an entry has no sections), which
// also work when the file is read on GitHub. Each link becomes an address
// relative to the page, so the site works under any sub-path. A missing
// file, a missing #heading, a link to a draft, an absolute path, a folder
// or an unsafe scheme is an error at the link's line and column, with "did
// you mean" where a near name exists. An address that is a web address
// without https:// ("www.shelter.org.uk", "nhs.uk/x") is told to start
// with it. External https: and mailto: links are left alone; tel: and sms:
// links must hold a number a phone can dial (digits, "+" in front for the
// international form: tel:116123, sms:85258?body=SHOUT). Pages the
// site makes have no file, so they are linked from the site's root:
// "/map/", "/search/", "/glossary/", "/topics/", "/topics/<topic>/",
// "/audiences/<audience>/", "/briefs/", "/functions/", "/priorities/";
// each is checked (with "did you mean") and made relative like any link.
// A root path to a page an editor wrote is an error that names its file.
//
// Heading ids come from the heading text (see markdown.Slug) and are
// unique on the page. Links between pages give each page its backlinks;
// related briefs are ranked by shared functions, priorities and topics,
// ties broken by title; previous and next follow the brief's first function
// in title order. In briefs, the first use of each glossary term (its
// title, its "also" forms, or its exact abbreviation) links to its entry.
//
// # What this means for you
//
// A brief's level-2 heading "What this means for you" (any capitals or
// punctuation) starts the section that says what the evidence means for
// people and carers, practitioners and commissioners (### subheadings for
// each, if the brief wants them). Page.ForYou holds its id; the section,
// up to the next ## heading, renders inside <section class="for-you">, and
// the layout links to it from the top of the brief. A brief for the
// public (audiences includes public) without one gets a warning.
//
// # Link text
//
// The same words should lead to the same place: a link whose text leads
// somewhere other than another link with the same text (ignoring case),
// or whose text is the title of another brief, function or priority, is a
// warning at the link. Layout links are held to the same rule by the
// whole-site test; glossary links carry " (glossary)" for screen readers.
//
// # Markdown
//
// Raw HTML is dropped with a warning saying what to write instead. A
// heading with one "#" (the title is the page's only h1), a heading that
// skips a level, an image without alt text and a link without text are
// errors, because each makes the page worse for screen reader users.
//
// Markdown never fails, so what it cannot read reaches the page as typed.
// The text of each paragraph (code left out) is searched for what only a
// mistake leaves there, each an error: a link with spaces in its address
// or a space before its "(", a "[text][label]" with no label line, a
// footnote "[^1]" with no note, rows of "|" with no header line. Warnings,
// for plain language and accessibility: link text that says nothing on its
// own ("click here", a bare address), alt text that is a file name or
// "image", a table whose header row is empty, an abbreviation that has no
// glossary entry and is not spelt out on the page (site.yaml's
// known_abbreviations are exempt), and an invisible character in the text
// (in a link's address it is an error).
//
// # The site's own rules
//
// site.yaml's "checks:" sets the rules a site holds its pages to, each
// with its number (Checks; a rule left out is off): a brief's words
// (min_words, max_words), its sources (min_sources), an audience
// (needs_audience), another page linking to it (needs_link_in), where it
// and each glossary entry apply (needs_applies_to), the kind of each of its
// sources (needs_source_type), the level-2 headings it must have
// (sections, such as "What we do not know"), and the
// reading grade (see Readability): above reading_grade a page gets a
// warning naming its longest sentences at their lines; above
// reading_grade_limit a page anyone may read (a brief for the public, any
// page that is not a brief) is an error; above mean_reading_grade, the
// mean grade of all briefs is an error at that line of site.yaml. Options.Strict makes every
// warning an error.
package content
