package deploy

// EventKind says what an Event reports.
type EventKind int

const (
	// Planned: the plan is made; Total and TotalBytes are known.
	Planned EventKind = iota
	// Sent: File was sent (Bytes of it).
	Sent
	// Deleted: File was deleted from the target.
	Deleted
	// Retrying: sending or deleting File failed (Err) and is tried again.
	Retrying
	// Failed: File could not be sent or deleted after every try (Err).
	Failed
	// Finished: the deploy is over; Err is nil when it succeeded.
	Finished
)

// Event is one step of a deploy, for a progress bar on the terminal or in
// the newsroom. Done counts the files sent and deleted so far, of Total;
// DoneBytes the bytes sent, of TotalBytes. Events come one at a time, in
// order, from the goroutine that runs the deploy or one of its senders.
type Event struct {
	Kind       EventKind
	File       string
	Bytes      int64
	Done       int
	Total      int
	DoneBytes  int64
	TotalBytes int64
	Err        error
}

// Progress receives the events of a deploy. It must return quickly; to
// stop the deploy, cancel its context.
type Progress func(Event)
