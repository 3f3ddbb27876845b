package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/annotate"
	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
)

type validateOptions struct {
	deps
	paths    []string
	format   string
	annotate string
	failOn   string
}

func (a *app) validateCmd() *cobra.Command { return newValidateCmd(a.deps, nil) }

// newValidateCmd makes "validate"; runF, if set, runs instead of
// runValidate (tests of the flags).
func newValidateCmd(get func() deps, runF func(context.Context, *validateOptions) error) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate TỆP|THƯ_MỤC...",
		Short: "Kiểm tra biểu số liệu, không lưu gì / check submissions, store nothing",
		Long: `Đọc và kiểm tra từng biểu số liệu (.xlsx, .xlsm; thư mục được duyệt cả thư mục con)
và in mọi lỗi: tệp, trang tính, ô, và cách sửa. Không lưu gì vào cơ sở dữ liệu.
Lỗi (error) làm tệp bị từ chối khi nhập; cảnh báo (warning) thì không.

--annotate THƯ_MỤC ghi vào thư mục đó, cho mỗi tệp có lỗi hoặc cảnh báo, một bản sao đánh
dấu để gửi lại đơn vị (tên tệp thêm "-loi", ví dụ kien-an-loi.xlsx): ô có lỗi tô đỏ, ô có
cảnh báo tô vàng, mỗi ô có ghi chú nói sai gì và sửa thế nào; trang đầu "Lỗi" liệt kê mọi
lỗi, bấm vào địa chỉ ô để đến ô đó. Tệp gốc không bị sửa. Tệp không mở được (không phải
.xlsx, có mật khẩu, bị hỏng) thì không có bản sao; lý do in ra stderr.

--fail-on warning: có cảnh báo cũng trả mã thoát 1 (dùng trong tệp .bat để dừng lại xem).

Reads and checks every submission and prints each problem with its file, sheet and
cell; stores nothing. --annotate DIR writes a marked-up copy of each file with
findings; --fail-on warning makes warnings fail the run too.` + exitStatusHelp + failOnHelp,
		Example: `  tongket validate inbox/
  tongket validate --annotate tra-lai/ inbox/
  tongket validate --fail-on warning inbox/
  tongket validate --format json bao-cao-hong-bang.xlsx > ket-qua.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.deps, o.paths = get(), args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runValidate(cmd.Context(), o)
		},
	}
	formatFlag(cmd, &o.format, "định dạng kết quả: text|json", "text", "json")
	cmd.Flags().StringVar(&o.annotate, "annotate", "", "ghi bản sao đánh dấu lỗi (tên thêm -loi) của mỗi tệp có lỗi vào thư mục này")
	failOnFlag(cmd, &o.failOn)
	return cmd
}

func runValidate(ctx context.Context, o *validateOptions) error {
	db, err := o.openView(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	bar, clear := o.progress(lang.Text{VI: "Đang kiểm tra", EN: "Checking"})
	res, err := intake.Validate(ctx, db, o.paths, intake.Options{Now: o.now, Progress: bar})
	clear()
	if err != nil {
		return err
	}
	refused := o.writeIntake(res, o.format)
	if refused != nil && !errors.Is(refused, errRefused) {
		return refused
	}
	if o.annotate != "" {
		if err := o.writeAnnotated(res, o.annotate); err != nil {
			return err
		}
	}
	if refused != nil {
		return refused
	}
	return failOnWarnings(o.failOn, res)
}

// failOnHelp ends the EXIT STATUS section of validate and ingest.
const failOnHelp = `
  Với --fail-on warning, có cảnh báo cũng là 1 / with --fail-on warning, warnings give 1 too.`

// failOnWarnings refuses a run with warnings when --fail-on warning.
func failOnWarnings(failOn string, res *intake.Result) error {
	if failOn == "warning" && res.Stats.Warnings > 0 {
		return errRefused
	}
	return nil
}

// writeAnnotated writes the marked-up copies and says on standard error
// what was written and which files got no copy.
func (d deps) writeAnnotated(res *intake.Result, dir string) error {
	files := make([]annotate.File, 0, len(res.Files))
	for _, f := range res.Files {
		files = append(files, annotate.File{Path: f.File, SHA256: f.SHA256, Findings: f.Findings})
	}
	outs, err := annotate.WriteDir(dir, files, d.lang)
	if err == nil && len(outs) == 0 {
		d.sayf("Không tệp nào có lỗi hay cảnh báo; không có bản đánh dấu nào.", "No file has findings; no marked-up copy.")
	}
	for _, o := range outs {
		if o.Copy != "" {
			d.sayf("Đã ghi bản đánh dấu lỗi: %s", "Marked-up copy written: %s", o.Copy)
			continue
		}
		fmt.Fprintf(d.errOut, "%s: %s\n", o.File,
			lang.Join(": ", lang.F("không ghi bản đánh dấu lỗi", "no marked-up copy"), o.Why).In(d.lang))
	}
	if err != nil {
		return fail(err, "không ghi được bản đánh dấu lỗi vào %s: hãy kiểm tra thư mục có quyền ghi và ổ đĩa còn chỗ.",
			"cannot write the marked-up copies into %s: check the folder is writable and the disk has room.", dir)
	}
	return nil
}
