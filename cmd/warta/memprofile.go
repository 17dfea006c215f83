package main

import (
	"fmt"
	"io"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// memProfile watches the live heap while a build runs and writes a heap
// profile each time it reaches a new high (by 5%), so that the file holds
// what was live at the peak, not at the end. For developers (--memprofile).
func memProfile(name string, stderr io.Writer) (stop func(), err error) {
	if _, err := os.Stat(name); err == nil || !os.IsNotExist(err) {
		if err := os.Remove(name); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
	}
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}}
	done := make(chan struct{})
	finished := make(chan struct{})
	var peakLive, peakTotal uint64
	go func() {
		defer close(finished)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		var written uint64
		for {
			metrics.Read(samples)
			live, total := samples[0].Value.Uint64(), samples[1].Value.Uint64()
			peakTotal = max(peakTotal, total)
			if live > peakLive {
				peakLive = live
				if live > written+written/20 {
					written = live
					if f, err := os.Create(name); err == nil {
						_ = pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
		fmt.Fprintf(stderr, "warta: memprofile: peak live heap %d MiB, peak runtime memory %d MiB\n", peakLive>>20, peakTotal>>20)
	}, nil
}
