package form

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/tongket/tongket/atomicfile"
	"github.com/tongket/tongket/pool"
)

// Options say which templates WriteFiles writes, and where.
type Options struct {
	// Unit and UnitName ask for one unit's template (For); All for every
	// known unit's (ForAll).
	Unit, UnitName string
	All            bool
	// Output is, for one unit, the file (its default name, FileName, in
	// the current folder when empty, inside it when a folder); for every
	// unit, the folder (the current one when empty), made if need be.
	Output string
	// Workers bounds the files written at once (all cores when <= 0).
	Workers int
	// Progress, if set, hears how many files of how many are written; it
	// is called from WriteFiles' goroutine only.
	Progress func(done, total int)
}

// Written is what WriteFiles wrote.
type Written struct {
	// Paths are the files written, in the units' order whatever order
	// they were written in.
	Paths []string
	// Dir is the folder of every unit's templates ("" for one unit).
	Dir string
}

// The codes of Error.
const (
	CodeMakeFolder = "make-folder" // the folder for every unit's templates could not be made
	CodeWrite      = "write"       // a template file could not be written
)

// Error is a template file, or the folder for them, that could not be
// written. Code says which; the command words it for the officer.
type Error struct {
	Code string // one of the Code… constants
	Path string // the file, or the folder
	Err  error
}

func (e *Error) Error() string {
	if e.Code == CodeMakeFolder {
		return "form: make folder " + e.Path + ": " + e.Err.Error()
	}
	return "form: write " + e.Path + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// WriteFiles plans the templates opt asks for from base and the known
// units (For, ForAll, with their errors) and writes each file whole or not
// at all. With opt.All, nothing is written when the plan is refused, and the
// files are written in parallel. It returns the paths written, also when
// it fails: then the first failure in the units' order, or the context's
// error when it ended first.
func WriteFiles(ctx context.Context, base Template, known []Unit, opt Options) (Written, error) {
	if !opt.All {
		t, err := For(base, known, opt.Unit, opt.UnitName)
		if err != nil {
			return Written{}, err
		}
		path := OutputPath(opt.Output, t)
		if err := writeFile(path, t); err != nil {
			return Written{}, err
		}
		return Written{Paths: []string{path}}, nil
	}

	dir := opt.Output
	if dir == "" {
		dir = "."
	}
	jobs, err := ForAll(base, known, dir)
	if err != nil {
		return Written{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Written{}, &Error{Code: CodeMakeFolder, Path: dir, Err: err}
	}
	errs := pool.Each(ctx, len(jobs), opt.Workers, func(i int) error { return writeFile(jobs[i].Path, jobs[i].Template) }, opt.Progress)
	w := Written{Dir: dir}
	var first error
	for i, err := range errs {
		switch {
		case err == nil:
			w.Paths = append(w.Paths, jobs[i].Path)
		case first == nil && !errors.Is(err, pool.ErrNotStarted):
			first = err
		}
	}
	if first != nil {
		return w, first
	}
	return w, ctx.Err()
}

// OutputPath is where one unit's template goes: output, or its default
// file name (FileName) inside output when that is a folder, or in the
// current folder when output is empty.
func OutputPath(output string, t Template) string {
	name := FileName(t.UnitCode, t.From, t.To)
	if output == "" {
		return name
	}
	if st, err := os.Stat(output); err == nil && st.IsDir() {
		return filepath.Join(output, name)
	}
	return output
}

// writeFile writes one template whole or not at all; it is safe for
// concurrent use on different paths.
func writeFile(path string, t Template) error {
	if err := atomicfile.Write(path, func(w io.Writer) error { return t.Write(w) }); err != nil {
		return &Error{Code: CodeWrite, Path: path, Err: err}
	}
	return nil
}
