package main

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/intake"
	"github.com/tongket/tongket/lang"
)

type ingestOptions struct {
	deps
	paths  []string
	format string
	dryRun bool
	failOn string
}

func (a *app) ingestCmd() *cobra.Command { return newIngestCmd(a.deps, nil) }

// newIngestCmd makes "ingest"; runF, if set, runs instead of runIngest
// (tests of the flags).
func newIngestCmd(get func() deps, runF func(context.Context, *ingestOptions) error) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest TỆP|THƯ_MỤC...",
		Short: "Kiểm tra rồi lưu biểu số liệu / validate, then store submissions",
		Long: `Kiểm tra từng tệp như "validate", rồi lưu mỗi tệp hợp lệ trọn vẹn trong một giao dịch:
tệp có lỗi bị từ chối và không số liệu nào của nó được lưu; các tệp tốt vẫn được lưu.
Tệp đã nhập (đúng từng byte) thì bỏ qua. Số liệu mới của cùng đơn vị, chỉ tiêu, năm
thay số cũ; số cũ vẫn giữ trong lịch sử ("tongket history", "tongket revert").
Báo cáo đếm chính xác: thêm mới, cập nhật, không đổi, từ chối, bỏ qua.

Cảnh báo không bao giờ chặn việc lưu: với --fail-on warning, tệp chỉ có cảnh báo vẫn được
lưu, nhưng mã thoát là 1 để tệp .bat dừng lại cho người xem cảnh báo.

Validates each file, then stores each valid one whole in its own transaction. Warnings
never block storage: with --fail-on warning a file with only warnings is still stored,
and the exit status is 1.` + exitStatusHelp + failOnHelp,
		Example: `  tongket ingest inbox/
  tongket ingest --dry-run inbox/bo-sung/
  tongket ingest --fail-on warning inbox/
  tongket ingest --format json inbox/ > nhap.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.deps, o.paths = get(), args
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runIngest(cmd.Context(), o)
		},
	}
	formatFlag(cmd, &o.format, "định dạng kết quả: text|json", "text", "json")
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "chạy thử: đếm như thật nhưng không lưu gì")
	failOnFlag(cmd, &o.failOn)
	return cmd
}

func runIngest(ctx context.Context, o *ingestOptions) error {
	open, run := o.openDB, intake.Ingest
	if o.dryRun {
		open, run = o.openView, intake.DryRun // the database file is not even created
	}
	db, err := open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	bar, clear := o.progress(lang.Text{VI: "Đang nhập", EN: "Ingesting"})
	res, err := run(ctx, db, o.paths, intake.Options{Now: o.now, Progress: bar})
	clear()
	if errors.Is(err, context.Canceled) && res != nil && res.Totals != nil {
		// Stopped half-way: what was committed is stored whole, the
		// batch being written is rolled back; say which is which.
		_ = o.writeIntake(res, o.format)
		return &userError{text: lang.F(
			"đã dừng theo yêu cầu (Ctrl-C): %d tệp đã lưu trọn vẹn ở trên, tệp đang ghi dở không được lưu. Chạy lại lệnh để nhập tiếp: tệp đã lưu sẽ được bỏ qua.",
			"stopped on request (Ctrl-C): the %d files above are stored whole; the files being written were not stored. Run the command again to go on: stored files are skipped.",
			res.Totals.Stored)}
	}
	if err != nil {
		return err
	}
	if err := o.writeIntake(res, o.format); err != nil {
		return err
	}
	return failOnWarnings(o.failOn, res)
}
