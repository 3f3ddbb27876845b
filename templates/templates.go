// Package templates holds the embedded Vietnamese narrative templates that
// the report package fills in. They are text/template files, so wording can
// change without touching Go code.
package templates

import (
	"embed"
	"fmt"
	"text/template"
)

//go:embed *.tmpl
var files embed.FS

// Load parses an embedded template with the given functions.
func Load(name string, funcs template.FuncMap) (*template.Template, error) {
	t, err := template.New(name).Funcs(funcs).ParseFS(files, name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return t, nil
}
