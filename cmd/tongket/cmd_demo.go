package main

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/tongket/tongket/demo"
)

type demoOptions struct {
	deps
	dir string
}

func (a *app) demoCmd() *cobra.Command { return newDemoCmd(a.deps, nil) }

// newDemoCmd makes "demo"; runF, if set, runs instead of runDemo (tests of
// the flags).
func newDemoCmd(get func() deps, runF func(context.Context, *demoOptions) error) *cobra.Command {
	o := &demoOptions{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Chạy thử trên bộ số liệu mẫu có sẵn / run the main job on the bundled sample",
		Long: `Tạo một cơ sở dữ liệu mới trong thư mục tạm (hoặc -o THƯ_MỤC), nhập các biểu số liệu
mẫu của khoảng một chục quận, huyện của thành phố Hải Phòng (2008–2024, cả hai dạng
bảng, có một tệp bổ sung và một tệp cố ý có lỗi bị từ chối), rồi in số liệu tổng kết
10 năm (2013–2023) và 5 năm (2019–2024). Không đụng đến cơ sở dữ liệu của bạn.` + exitStatusHelp,
		Example: `  tongket demo
  tongket demo -o demo-output`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.deps = get()
			if runF != nil {
				return runF(cmd.Context(), o)
			}
			return runDemo(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVarP(&o.dir, "output", "o", "", "thư mục cho số liệu mẫu, cơ sở dữ liệu và kết quả")
	return cmd
}

// runDemo runs the demo in o.dir, made if need be, or in a new temporary
// folder.
func runDemo(ctx context.Context, o *demoOptions) error {
	dir := o.dir
	if dir == "" {
		d, err := os.MkdirTemp("", "tongket-demo-")
		if err != nil {
			return err
		}
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err, "không tạo được thư mục %s.", "cannot create the folder %s.", dir)
	}
	return demo.Run(ctx, o.out, demo.Options{Dir: dir, Lang: o.lang, Now: o.now})
}
