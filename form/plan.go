package form

import (
	"errors"
	"path/filepath"
	"strings"
)

// Unit is a unit the database knows, one a template may be made for.
type Unit struct {
	Code, Name string
	// Listed: the unit comes from an imported official list, not only
	// from earlier submissions. Once one unit is listed, a code outside
	// the list is refused on ingest.
	Listed bool
}

// Why a template is not planned.
var (
	// ErrUnlisted: an official unit list is imported and the code is not
	// in it; a template with that code would be refused on ingest.
	ErrUnlisted = errors.New("form: the unit code is not in the imported unit list")
	// ErrNoName: the unit's name is neither given nor known.
	ErrNoName = errors.New("form: the unit's name is not known")
	// ErrNoUnits: no unit is known to make templates for.
	ErrNoUnits = errors.New("form: no unit is known")
)

// SameFileError refuses templates for units whose codes give one file name
// (a space and a slash both become "-"; Windows ignores case): one unit
// would be left without its template, and which one a matter of timing.
type SameFileError struct {
	First, Second string // the unit codes, in the units' order
	File          string
}

func (e *SameFileError) Error() string {
	return "form: units " + e.First + " and " + e.Second + " give the same file name " + e.File
}

// For plans the template of one unit: base for the unit code (looked up in
// the known units as the reader looks it up, case ignored, and then spelled
// as they spell it), named name, or else as the known units name it.
func For(base Template, known []Unit, code, name string) (Template, error) {
	t := base
	t.UnitCode, t.UnitName = strings.TrimSpace(code), strings.TrimSpace(name)
	if u, ok := find(known, t.UnitCode); ok {
		t.UnitCode = u.Code
		if t.UnitName == "" {
			t.UnitName = u.Name
		}
	} else if listed(known) {
		return Template{}, ErrUnlisted
	}
	if t.UnitName == "" {
		return Template{}, ErrNoName
	}
	return t, nil
}

// Job is one template to write, and where.
type Job struct {
	Path     string
	Template Template
}

// ForAll plans a template for every known unit, in their order, each in dir
// under its default file name (FileName); a unit with no name is named by
// its code.
func ForAll(base Template, known []Unit, dir string) ([]Job, error) {
	if len(known) == 0 {
		return nil, ErrNoUnits
	}
	jobs := make([]Job, len(known))
	seen := map[string]string{} // file name, case folded → unit code
	for i, u := range known {
		t := base
		t.UnitCode, t.UnitName = u.Code, u.Name
		if t.UnitName == "" {
			t.UnitName = u.Code
		}
		name := FileName(u.Code, t.From, t.To)
		key := strings.ToLower(name)
		if other, dup := seen[key]; dup {
			return nil, &SameFileError{First: other, Second: u.Code, File: name}
		}
		seen[key] = u.Code
		jobs[i] = Job{Path: filepath.Join(dir, name), Template: t}
	}
	return jobs, nil
}

func find(us []Unit, code string) (Unit, bool) {
	for _, u := range us {
		if strings.EqualFold(u.Code, code) {
			return u, true
		}
	}
	return Unit{}, false
}

func listed(us []Unit) bool {
	for _, u := range us {
		if u.Listed {
			return true
		}
	}
	return false
}
