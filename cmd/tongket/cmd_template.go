package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/form"
	"github.com/tongket/tongket/lang"
	"github.com/tongket/tongket/summary"
)

type templateOptions struct {
	deps
	periodFlags
	period   summary.Period
	unit     string
	unitName string
	allUnits bool
	output   string
}

func (a *app) templateCmd() *cobra.Command { return newTemplateCmd(a.deps, nil) }

// newTemplateCmd makes "template"; runF, if set, runs instead of
// runTemplate (tests of the flags).
func newTemplateCmd(get func() deps, runF func(context.Context, *templateOptions) error) *cobra.Command {
	o := &templateOptions{}
	cmd := &cobra.Command{
		Use:   "template --unit MÃ --period TỪ-ĐẾN [-o TỆP.xlsx] | --all-units -o THƯ_MỤC",
		Short: "Lập biểu mẫu số liệu trống gửi đơn vị / write blank submission templates",
		Long: `Lập biểu mẫu (.xlsx) để đơn vị điền số liệu: trang "Biểu số liệu" có các chỉ tiêu của
danh mục và các năm của giai đoạn, mỗi ô số liệu chỉ nhận số từ 0 trở lên (số nguyên với
chỉ tiêu đếm, được có phần thập phân với chỉ tiêu tiền), có lời nhắc khi chọn ô và báo lỗi
khi gõ sai; mã, tên chỉ tiêu, các năm và mã đơn vị bị khóa (bảo vệ trang tính, không mật
khẩu), chỉ ô số liệu và cột "Ghi chú" sửa được; trang "Hướng dẫn" nói cách điền; một trang
ẩn ghi phiên bản biểu mẫu, mã, tên đơn vị và giai đoạn. Biểu điền đúng hướng dẫn thì
"tongket ingest" nhận ngay, không có lỗi.

Một đơn vị: --unit MÃ (tên lấy từ --unit-name, nếu không thì từ danh sách đơn vị đã biết);
tệp ghi vào -o (mặc định bieu-mau-MÃ-TỪ-ĐẾN.xlsx; -o là thư mục thì ghi vào đó).
Mọi đơn vị đã biết (danh sách đã nhập hoặc đơn vị đã nộp biểu): --all-units -o THƯ_MỤC,
mỗi đơn vị một tệp bieu-mau-MÃ-TỪ-ĐẾN.xlsx. Mỗi tệp được ghi trọn vẹn hoặc không ghi.

Writes blank templates for units to fill in: validated value cells, locked structure,
a guide sheet and the hidden _tongket sheet; a template filled in as its guide says
ingests with no finding.` + exitStatusHelp,
		Example: `  tongket template --unit HP-HONGBANG --unit-name "Quận Hồng Bàng" --period 2019-2024 -o bieu-mau.xlsx
  tongket template --unit HP-KIENAN --years 5 --to 2024
  tongket template --all-units --period 2019-2024 -o bieu-mau/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := o.get()
			if err != nil {
				return err
			}
			o.unit = strings.TrimSpace(o.unit)
			switch {
			case o.allUnits && (o.unit != "" || o.unitName != ""):
				return fail(nil, "--all-units không đi cùng --unit, --unit-name.", "--all-units does not go with --unit or --unit-name.")
			case !o.allUnits && o.unit == "":
				return fail(nil, "hãy cho mã đơn vị (--unit MÃ), hoặc --all-units để lập biểu cho mọi đơn vị đã biết.",
					"name the unit (--unit CODE), or use --all-units for every known unit.")
			}
			o.deps, o.period = get(), p
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runTemplate(cmd.Context(), o)
		},
	}
	o.periodFlags.add(cmd)
	f := cmd.Flags()
	f.StringVar(&o.unit, "unit", "", "mã đơn vị điền biểu")
	f.StringVar(&o.unitName, "unit-name", "", "tên đơn vị (mặc định: tên trong danh sách đơn vị đã biết)")
	f.BoolVar(&o.allUnits, "all-units", false, "mỗi đơn vị đã biết một biểu mẫu, ghi vào thư mục -o")
	f.StringVarP(&o.output, "output", "o", "", "tệp biểu mẫu; với --all-units: thư mục (mặc định thư mục hiện tại)")
	return cmd
}

// runTemplate writes the template of one unit, or of every known unit,
// and prints the paths written.
func runTemplate(ctx context.Context, o *templateOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cat, err := db.Catalog(ctx)
	if err != nil {
		return err
	}
	recs, err := db.Units(ctx)
	if err != nil {
		return err
	}
	known := make([]form.Unit, len(recs))
	for i, u := range recs {
		known[i] = form.Unit{Code: u.Code, Name: u.Name, Listed: u.Listed()}
	}
	base := form.Template{From: o.period.From, To: o.period.To, Indicators: cat.Indicators, Date: o.now()}
	bar, clear := o.progress(lang.Text{VI: "Đang lập biểu mẫu", EN: "Making the forms"})
	w, err := form.WriteFiles(ctx, base, known, form.Options{
		Unit: o.unit, UnitName: o.unitName, All: o.allUnits, Output: o.output, Progress: bar,
	})
	clear()
	for _, p := range w.Paths {
		fmt.Fprintln(o.out, p)
	}
	if err != nil {
		return templateRefusal(err, o.unit)
	}
	if o.allUnits {
		o.sayf("Đã lập %d biểu mẫu trong %s.", "Wrote %d templates in %s.", len(w.Paths), w.Dir)
	}
	return nil
}

// templateRefusal says why form planned no template, or could not write
// one: its refusals and file errors in the officer's words.
func templateRefusal(err error, unit string) error {
	var same *form.SameFileError
	var fe *form.Error
	switch {
	case errors.Is(err, form.ErrUnlisted):
		return fail(nil, "mã đơn vị %q không có trong danh sách đơn vị đã nhập; biểu lập với mã này sẽ bị từ chối khi nhập.",
			"unit code %q is not in the imported unit list; a template with it would be refused on ingest.", unit)
	case errors.Is(err, form.ErrNoName):
		return fail(nil, "chưa biết tên đơn vị %s: hãy cho --unit-name \"TÊN\".", "the name of unit %s is not known: give --unit-name \"NAME\".", unit)
	case errors.Is(err, form.ErrNoUnits):
		return fail(nil, "chưa có đơn vị nào trong cơ sở dữ liệu: hãy nhập biểu của các đơn vị (tongket ingest) hoặc lập từng biểu bằng --unit.",
			"the database knows no unit yet: ingest submissions first, or make each template with --unit.")
	case errors.As(err, &same):
		return fail(nil, "hai đơn vị %s và %s cho cùng một tên tệp %s: hãy lập biểu cho từng đơn vị bằng --unit, -o.",
			"units %s and %s give the same file name %s: make their templates one by one with --unit and -o.", same.First, same.Second, same.File)
	case errors.As(err, &fe) && fe.Code == form.CodeMakeFolder:
		return fail(fe.Err, "không tạo được thư mục %s.", "cannot create the folder %s.", fe.Path)
	case errors.As(err, &fe):
		return fail(fe.Err, "không ghi được biểu mẫu %s: hãy kiểm tra thư mục có tồn tại và có quyền ghi.",
			"cannot write the template %s: check the folder exists and is writable.", fe.Path)
	}
	return err
}
