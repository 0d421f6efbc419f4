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
// editor can keep notes beside the content. A Markdown file anywhere else
// is an error, not silently unpublished. A file name must already be a slug
// (lower-case ASCII letters, digits, single hyphens); the message suggests
// the right one. The layouts add the pages listed by Site.Generated; a file
// or alias that would take the same address as another is an error naming
// both.
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
// of each kind are fixed (see briefKeys, termKeys, glossaryKeys, pageKeys);
// an unknown key is an error with "did you mean" for a near miss. Choices
// made for editors who have never used a terminal:
//
//   - A list key given one value ("functions: capacity") is a list of one.
//   - Dates are written YYYY-MM-DD. "reviewed" may not be after the build
//     date nor before "published"; "review_due" defaults to reviewed plus
//     site.yaml's review_interval months and must come after "reviewed". A
//     review that is due is a warning, never an error: the page stays
//     published while someone checks it.
//   - A draft ("draft: true") is left out unless the build asks for drafts,
//     and its problems are then reported as warnings, so that work in
//     progress never stops the published site from building.
//   - A brief needs at least one function or priority, so that a taxonomy
//     page reaches it. Topics are free tags, made into slugs ("Unpaid
//     carers" is /topics/unpaid-carers/) and shown with the name site.yaml
//     gives them. Audiences are the five of the schema (see Audiences).
//   - Text limits count characters, not bytes: title 90, summary 300.
//
// # Positions
//
// Positions are lines and columns of the editor's file: columns count
// characters. Front matter positions come from yaml.v3 nodes; body
// positions from goldmark, offset by the lines the front matter took. A
// byte-order mark and Windows line endings are accepted. A file that is
// not UTF-8 is reported at its first bad byte; a file over MaxFileSize, an
// empty file, unclosed front matter and a symbolic link that leads outside
// content/ each have their own message.
//
// # Links
//
// Editors link to source files with relative paths ("advocacy.md",
// "../glossary/amhp.md#x" is refused as an entry has no sections), which
// also work when the file is read on GitHub. Each link becomes an address
// relative to the page, so the site works under any sub-path. A missing
// file, a missing #heading, a link to a draft, an absolute path, a folder
// or an unsafe scheme is an error at the link's line and column, with "did
// you mean" where a near name exists. External https: and mailto: links
// are left alone.
//
// Heading ids come from the heading text (see markdown.Slug) and are
// unique on the page. Links between pages give each page its backlinks;
// related briefs are ranked by shared functions, priorities and topics,
// ties broken by title; previous and next follow the brief's first function
// in title order. In briefs, the first use of each glossary term (its
// title, its "also" forms, or its exact abbreviation) links to its entry.
//
// # Markdown
//
// Raw HTML is dropped with a warning saying what to write instead. A
// heading with one "#" (the title is the page's only h1), a heading that
// skips a level, an image without alt text and a link without text are
// errors, because each makes the page worse for screen reader users.
package content
