// Package search builds the site's full-text search index at build time,
// from a loaded *content.Site, for layouts/assets/search.js to read in the
// browser. It sits between render and content: render -> search -> content.
// Like render, it is pure: site in, files (path -> bytes) out.
//
// What is found: every brief (title, summary, headings and text) and every
// glossary entry (title, abbreviation and other forms count as its title).
//
// The rules:
//
//   - Words are folded (Fold) before anything else: compatibility
//     decomposition (NFKD), accents dropped, lower case, and every
//     apostrophe-like mark made "'", so "Carer’s", "carer's" and "CARER'S"
//     are one word and "café" is "cafe". A word is letters and digits with
//     apostrophes inside (Words); hyphens and quotes separate words.
//   - Words are stemmed with Porter2, the Snowball English stemmer
//     (github.com/kljensen/snowball), so "assessment" finds "assessed" and
//     "carers" finds "carer's". Porter2 rather than prefix matching alone:
//     it joins the forms of a word without joining unrelated words that
//     share a start, and it is small enough to port to the browser (about
//     two kilobytes gzipped), where the query must be stemmed the same
//     way. testdata/stems.txt, every word of the hub with its stem, holds
//     the port to this one; the browser suite checks it.
//   - Stop words ("the", "of", "and"...) are not indexed; the list is
//     written into the entry file, so the browser drops the same ones.
//   - Each stem's postings list its documents in order, each as the gap
//     from the previous one times 128 plus flags: 16 times the number of
//     different words in the title (1 to 7, 7 for more) if it is in the
//     title, 8 in the summary, 4 in a heading, and 0 to 3 for how often it
//     is in the text (never, once, two to four times, five or more).
//   - Stems are sharded by their first letters: a shard over a target size
//     (shardSize, which grows with the index) is split by the next letter,
//     and a small part stays in its parent. A stem lives in the shard of
//     the longest prefix that starts it, so a one-word query fetches one
//     shard, or a few while its last word is being typed.
//   - Each document has a small file (URL, title, summary, text for the
//     snippet), fetched only when it is shown. Facet lists (which briefs
//     have each function, priority, topic, audience and nation) are one
//     file.
//   - Every file name carries a hash of its content (a document's, of its
//     block of 64 documents), so files can be cached for ever; the entry
//     file, named on the search page, names all the others. JSON map keys
//     are sorted and nothing depends on map order, so two builds of the
//     same content are byte for byte the same.
//   - Facets are a table (facets.go) read from validated front matter;
//     adding one is one line there.
//
// Ranking, in search.js (and in this package's ranking test, on
// testdata/queries.txt): a document with every word of the query comes
// before one with some; among those, a brief whose title the query names
// whole (every different word of a title of six or fewer) comes first;
// then by the sum, over the words, of where each is (title 8 + 16/(n+1)
// for a title of n words; summary 6; heading 3; text 1 to 2) times its
// rarity,
// log(1 + documents / documents with it). The last word, while it is
// typed, also matches the stems it starts, at half weight. A glossary
// entry counts half, so a brief on a subject comes before its definition.
//
// Rebuilding (Cache, for the live preview): the index is read from a state
// (state.go) of the documents, each stem's postings and size, the shards'
// files, the blocks' hashes and the facet lists. A Cache keeps the last
// state. When the documents are the same list (same addresses, same
// order), a rebuild compares each document with the one it kept, indexes
// again only those that changed, patches the postings of the stems whose
// flags changed in them, splits the stems again and makes again only the
// shards, blocks and facet lists that hold something changed; its cost
// follows what changed, plus one comparison per document. Otherwise it
// makes the state whole, still reusing each unchanged document's stems.
// Each part of the state is made from the documents alone, so either way
// the files are byte for byte those Build makes; a test of random edits
// holds the cache to that.
package search
