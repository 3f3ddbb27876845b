package main

import (
	"context"

	"github.com/spf13/cobra"
)

type initOptions struct {
	deps
}

func (a *app) initCmd() *cobra.Command { return newInitCmd(a.deps, nil) }

// newInitCmd makes "init"; runF, if set, runs instead of runInit (tests of
// the flags).
func newInitCmd(get func() deps, runF func(context.Context, *initOptions) error) *cobra.Command {
	o := &initOptions{}
	return &cobra.Command{
		Use:   "init",
		Short: "Tạo hoặc nâng cấp cơ sở dữ liệu, nạp danh mục chỉ tiêu / create or upgrade the database",
		Long: `Tạo tệp cơ sở dữ liệu (mặc định tongket.db trong thư mục hiện tại, hoặc --db,
hoặc biến môi trường TONGKET_DB) và nạp danh mục chỉ tiêu có sẵn. Nếu tệp đã có,
nâng cấp lược đồ lên bản mới (chỉ tiến, không lùi). Các lệnh khác tự làm việc này
khi cần.` + exitStatusHelp,
		Example: `  tongket init
  tongket --db D:\tongket\cong-an-quan.db init`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runInit(cmd.Context(), o)
		},
	}
}

func runInit(ctx context.Context, o *initOptions) error {
	db, err := o.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	o.sayf("Cơ sở dữ liệu sẵn sàng: %s", "The database is ready: %s", db.Path())
	return nil
}
