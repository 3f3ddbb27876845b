package main

import (
	"bufio"
	"fmt"
	"io"
)

// welcome is what an officer sees who double-clicks tongket.exe: what it is,
// the three commands to start with, and where to type them. It waits for
// Enter, since the window closes when tongket exits.
func welcome(out io.Writer, in io.Reader) {
	fmt.Fprint(out, welcomeText)
	fmt.Fprint(out, "\nNhấn Enter để đóng cửa sổ này.")
	_, _ = bufio.NewReader(in).ReadString('\n')
}

const welcomeText = `TONGKET - Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc

tongket là chương trình chạy bằng dòng lệnh: nhấp đúp không làm gì được.
Hãy mở cửa sổ dòng lệnh ở thư mục chứa tongket.exe (trong Explorer, gõ cmd
vào thanh địa chỉ rồi nhấn Enter), rồi gõ:

  1. tongket validate mau\inbox          kiểm tra các biểu số liệu, không lưu gì
  2. tongket ingest mau\inbox            nhập số liệu (tệp có lỗi bị từ chối cả tệp)
  3. tongket summarize --period 2013-2023 -o bao-cao
                                         lập báo cáo tổng kết (Excel, PDF)

Xem thử cả quy trình trên số liệu mẫu: tongket demo
Trợ giúp: tongket help    Hướng dẫn: tệp HUONG-DAN.txt bên cạnh tongket.exe
`
