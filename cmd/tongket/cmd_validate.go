package main

import (
	"github.com/spf13/cobra"

	"github.com/tongket/tongket/intake"
)

type validateOptions struct {
	format string
}

func (a *app) validateCmd() *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate TỆP|THƯ_MỤC...",
		Short: "Kiểm tra biểu số liệu, không lưu gì / check submissions, store nothing",
		Long: `Đọc và kiểm tra từng biểu số liệu (.xlsx, .xlsm; thư mục được duyệt cả thư mục con)
và in mọi lỗi: tệp, trang tính, ô, và cách sửa. Không lưu gì vào cơ sở dữ liệu.
Lỗi (error) làm tệp bị từ chối khi nhập; cảnh báo (warning) thì không.` + exitStatusHelp,
		Example: `  tongket validate inbox/
  tongket validate --format json bao-cao-hong-bang.xlsx > ket-qua.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(o.format, "text", "json"); err != nil {
				return err
			}
			db, err := a.openDB(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			res, err := intake.Validate(cmd.Context(), db, args, intake.Options{Now: a.now})
			if err != nil {
				return err
			}
			return a.writeIntake(res, o.format)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "định dạng kết quả: text|json")
	return cmd
}

// writeIntake prints a validate or ingest result and turns refusal into the
// exit status.
func (a *app) writeIntake(res *intake.Result, format string) error {
	var err error
	if format == "json" {
		err = res.WriteJSON(a.out, a.lang)
	} else {
		err = res.WriteText(a.out, a.lang)
	}
	if err != nil {
		return err
	}
	if !res.Valid {
		return errRefused
	}
	return nil
}

func checkFormat(got string, allowed ...string) error {
	for _, f := range allowed {
		if got == f {
			return nil
		}
	}
	return fail(nil, "định dạng %q không hỗ trợ; chọn một trong %v.", "format %q is not supported; use one of %v.", got, allowed)
}
