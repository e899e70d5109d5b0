#ifndef GRAM_TOKENIZER_H
#define GRAM_TOKENIZER_H

/// The FTS5 tokenizer `dlgrams` of the label index, registered on one SQLite connection
/// (`sqlite3 *`, passed as a plain pointer so that Swift sees no SQLite type). Returns 0 on
/// success, an SQLite error code otherwise.
///
/// Text it reads, one segment per line:
/// - a line starting with byte 0x01 holds keyword tokens separated by spaces, taken as they are
///   (the section and kind filters);
/// - any other line is a paragraph of folded searchable characters. Each character starts one
///   token: the trigram it begins, or at the end of the line the one or two characters left
///   followed by an end byte, 0x02.
/// A query string of one or two characters is those characters (the caller makes it a prefix
/// query: every occurrence begins a token); of three or more, the phrase of its trigrams. Any
/// substring of a paragraph is found, and queries read the short posting lists of trigrams
/// rather than the long ones of common pairs.
int dl_register_gram_tokenizer(void *db);

#endif
