package xlsx

import "io"

// prefetchMin is the part size from which inflating moves to its own
// goroutine. Below it (the common small submission) no goroutine is
// started; above it, inflating the next chunk overlaps scanning this one,
// which is about a third of the time of reading a big sheet.
const prefetchMin = 4 << 20

const prefetchChunk = 128 << 10

// prefetch reads r ahead on a goroutine. Read must not be called after
// close; close waits for the goroutine, so r may be closed afterwards.
type prefetch struct {
	full chan []byte
	free chan []byte
	stop chan struct{}
	done chan struct{}
	cur  []byte // unread part of the chunk in hand
	last []byte // the chunk in hand, to recycle
	err  error  // the reader's final error (io.EOF when clean); set before full is closed
}

func newPrefetch(r io.Reader) *prefetch {
	p := &prefetch{
		full: make(chan []byte, 3),
		free: make(chan []byte, 4),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	for range 4 {
		p.free <- make([]byte, prefetchChunk)
	}
	go p.run(r)
	return p
}

func (p *prefetch) run(r io.Reader) {
	defer close(p.done)
	defer close(p.full)
	for {
		var buf []byte
		select {
		case buf = <-p.free:
		case <-p.stop:
			return
		}
		n, err := fill(r, buf[:cap(buf)])
		if n > 0 {
			select {
			case p.full <- buf[:n]:
			case <-p.stop:
				return
			}
		}
		if err != nil {
			p.err = err
			return
		}
	}
}

// fill reads until buf is full or r fails, keeping r's own error (unlike
// io.ReadFull, which would turn a clean EOF into ErrUnexpectedEOF).
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func (p *prefetch) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.last != nil {
			p.free <- p.last // never blocks: free holds every chunk
			p.last = nil
		}
		buf, ok := <-p.full
		if !ok {
			return 0, p.err
		}
		p.cur, p.last = buf, buf
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

func (p *prefetch) close() {
	close(p.stop)
	<-p.done
}
