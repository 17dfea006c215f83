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
//
// The folder's name, the version, is the sha256 of the name and the
// xxhash of every file (see version): a file that did not change is not
// hashed again.
//
// # Building again
//
// `warta serve` keeps a Builder between rebuilds. Its Build gives the same
// files, byte for byte, as Build over the same docs, but redoes only what
// changed since its last build: the stems of an edited page, the parts of
// the posting lists its stems are in, the word shards those are in and
// its fragment file. Posting lists are kept in chunks, each with its part
// of the encoding, so that one page costs one chunk per stem; a page
// added or removed moves the pages after it, which changes the first
// item after it in every list, and every fragment after it. The tests
// hold the Builder, over thousands of random edits, to the index built
// from scratch by the code this package had before there was a Builder.
package search
