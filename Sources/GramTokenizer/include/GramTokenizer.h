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
///   token: the pair it begins, or at the end of the line the last character followed by an
///   end byte, 0x02.
/// A query string of one character is that character (the caller makes it a prefix query:
/// every occurrence begins a token); of two or more, the phrase of its pairs. Any substring of
/// a paragraph is found. Pairs rather than trigrams: the index is a third smaller (labels-dev
/// 4.1× → 3.5× its text), for slower long queries (see StoreSchema, schema 5).
int dl_register_gram_tokenizer(void *db);

#endif
