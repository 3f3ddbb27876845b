package roster

import (
	"path/filepath"
)

// Identity is what tells one roster from another (FORMATS.md §4.1): its
// submitting unit and period, not its file name alone. Two communes that
// both send "DS khen thuong.xlsx" send two rosters; a corrected roster is
// the same unit's file sent again under the same name.
type Identity struct {
	Name    string // the file's name, without its folder
	Heading string // Roster.Heading: the lines above the table, as a key
	Folder  string // the folder the file came in
	Years   [2]int // the years the roster claims
}

// Identity returns the roster's identity.
func (r *Roster) Identity() Identity {
	return Identity{Name: filepath.Base(r.File), Heading: r.Heading, Folder: r.Folder, Years: r.Years}
}

// Same reports whether b is the same roster as a, so that b, sent later,
// replaces a: the same file name and years, and the same unit, told by
// the lines above the table when both have them and by the folder the
// file came in when either has none. Nothing is taken for the same roster
// on its file name alone.
func (a Identity) Same(b Identity) bool {
	if a.Name != b.Name || a.Years != b.Years || a.Heading != b.Heading {
		return false
	}
	return a.Heading != "" || a.Folder == b.Folder
}

// folderOf is the name of the folder a file came in: "xa-an-dong" for
// "inbox/xa-an-dong/DS khen thuong.xlsx", the working folder's name for a
// bare file name.
func folderOf(path string) string {
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Base(dir)
}
