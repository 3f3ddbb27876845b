package main

import (
	"github.com/spf13/cobra"

	"github.com/tongket/tongket/intake"
)

type ingestOptions struct {
	format string
	dryRun bool
}

func (a *app) ingestCmd() *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest TỆP|THƯ_MỤC...",
		Short: "Kiểm tra rồi lưu biểu số liệu / validate, then store submissions",
		Long: `Kiểm tra từng tệp như "validate", rồi lưu mỗi tệp hợp lệ trọn vẹn trong một giao dịch:
tệp có lỗi bị từ chối và không số liệu nào của nó được lưu; các tệp tốt vẫn được lưu.
Tệp đã nhập (đúng từng byte) thì bỏ qua. Số liệu mới của cùng đơn vị, chỉ tiêu, năm
thay số cũ; số cũ vẫn giữ trong lịch sử ("tongket history", "tongket revert").
Báo cáo đếm chính xác: thêm mới, cập nhật, không đổi, từ chối, bỏ qua.` + exitStatusHelp,
		Example: `  tongket ingest inbox/
  tongket ingest --dry-run inbox/bo-sung/
  tongket ingest --format json inbox/ > nhap.json`,
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
			run := intake.Ingest
			if o.dryRun {
				run = intake.DryRun
			}
			res, err := run(cmd.Context(), db, args, intake.Options{Now: a.now})
			if err != nil {
				return err
			}
			return a.writeIntake(res, o.format)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "định dạng kết quả: text|json")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "chạy thử: đếm như thật nhưng không lưu gì")
	return cmd
}
