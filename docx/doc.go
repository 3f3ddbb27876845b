// Package docx writes and reads Word documents (WordprocessingML, .docx)
// with what an official Vietnamese report needs and nothing more.
//
// Writing (Document, WriteTo): sections with their own orientation and
// margins, a header with a centred PAGE field and none on a section's
// first page, paragraphs of styled runs, tables with repeated header rows
// and merged cells, Times New Roman throughout. The parts are the few a
// document needs ([Content_Types].xml, _rels/.rels, word/document.xml,
// word/_rels/document.xml.rels, word/styles.xml, word/settings.xml, the
// headers, docProps/core.xml); every element is written in the order the
// schema gives, text is escaped and stripped of the characters XML cannot
// hold, and the body always ends with a paragraph (LibreOffice ignores the
// last section's orientation otherwise). The same input gives the same
// bytes.
//
// Reading (Open): a file is checked as a container first (not a .docx, an
// old .doc, password-protected, damaged, a zip bomb, a macro-enabled
// .docm are each an *Error with a stable code), then its body is read as
// paragraphs of runs with their bold, italic and underline, list lines and
// heading levels, whichever of Word, LibreOffice or python-docx wrote it.
//
// Filling (Fill): the placeholders "{{name}}" of a document the officer
// wrote are replaced wherever Word split them across runs, in the
// formatting of the run where each starts; a paragraph holding only a
// placeholder may become a table. Everything else of the file is written
// back as it was.
//
// Lengths are millimetres and font sizes points in this API; the package
// converts to twentieths of a point (twips) and half-points.
package docx
