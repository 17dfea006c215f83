// Package search builds the site's search index: static files that a
// small script (assets/js/search.js) reads, so that search works from the
// published files alone, on any host or from a USB stick.
//
// # Words
//
// Text is folded before anything else: accents are removed, letters are
// lower-cased, and a word is a run of the letters a-z and the digits 0-9
// ("Perundungan," → "perundungan"; "É" → "e"). Very common words
// (Stopwords: "yang", "dan", "di", ...) are left out, and every other
// word is reduced to its stem with Stem, the Snowball Indonesian
// algorithm ("kekerasan" → "keras", "menyentuh" → "sentuh"). search.js
// folds, drops and stems the query with the same rules, so a word form
// in the query finds the other forms of its word in the pages; the tests
// run search.js's stemmer over the same words as Stem and compare.
// The last word of a query also matches the stems that begin with its
// stem, so results come while a word is still being typed.
//
// # Files
//
// The index is split, the way Pagefind splits its own, so that one query
// loads only a small part of it. Every file is a script that hands its
// data to search.js (a <script> element can load it, also from file://,
// where fetch cannot), and all of them live in one folder named by a hash
// of their content, assets/search/<version>/, so hosts may cache them
// forever (their names end in .min.js: they are as small as they get,
// and the minifier leaves them alone):
//
//   - meta.min.js: the version, the number of pages, the stop words, the
//     first stem of every word shard, and the range of page numbers of
//     every kind and module level. Pages are numbered by kind (news newest
//     first, then modules by level, galleries, other pages), so a filter
//     by kind or level is a range and costs nothing to load.
//   - w<N>.min.js: word shards. The stems, sorted, are cut into shards of
//     about ShardBytes each; a stem maps to its pages, each with the
//     weight of the best place the word was found (title 3, summary and
//     fields such as topics or district 2, text 1), delta-encoded.
//   - f<N>.min.js: fragments, what a result shows (address, title, kind,
//     date, summary), for FragmentSize consecutive pages each: a query
//     loads only the fragments of the results it shows.
package search
