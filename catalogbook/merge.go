package catalogbook

import (
	"github.com/tongket/tongket/catalog"
	"github.com/tongket/tongket/finding"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/table"
	"github.com/tongket/tongket/xlsx"
)

// ReadFile reads the catalog workbook at path; a file that cannot be read
// (missing, too large) comes back as its finding.
func ReadFile(path string) *Imported {
	data, problem := table.LoadFile(path, xlsx.DefaultLimits)
	if problem != nil {
		return &Imported{File: path, Findings: []finding.Finding{*problem}}
	}
	return Read(path, data)
}

// Merge returns the catalog the import puts in force over inForce: the
// workbook's indicators, and its rules, organisations and award forms where
// it has their sheet, those of inForce where it does not. It returns nil
// when the workbook has an error finding, or when the rules do not fit the
// new indicators; that is then added to im's findings.
func (im *Imported) Merge(inForce *catalog.Catalog) *catalog.Catalog {
	if !im.Valid() {
		return nil
	}
	rules := im.Rules
	if !im.HasRules {
		rules = inForce.Rules
	}
	c, err := catalog.New(im.Indicators, rules)
	if err != nil {
		im.Findings = append(im.Findings, finding.New(finding.Error, finding.ConstraintError, lang.F(
			"Danh mục mới không dùng được với các quy tắc đang có: %v. Hãy sửa hoặc thêm trang \"Quy tắc\".",
			"The new catalog does not fit the rules in force: %v. Fix them or include the \"Quy tắc\" sheet.", err)))
		return nil
	}
	c.Organisations, c.AwardForms = im.Organisations, im.AwardForms
	if c.Organisations == nil {
		c.Organisations = inForce.Organisations
	}
	if c.AwardForms == nil {
		c.AwardForms = inForce.AwardForms
	}
	return c
}
