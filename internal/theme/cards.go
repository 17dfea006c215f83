package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
)

// Cards: a list page shows each page as a card, and one page is in many
// lists (its section, the home page, each of its taxonomy terms). A card's
// output depends only on its value and on functions that are the same for
// the whole build, so it is executed once and its bytes reused.
//
// After parsing, each page template's set is escaped once (html/template
// escapes at the first execution), and every {{template "partials/x.html" .}}
// that calls a card partial from HTML text becomes
//
//	{{if wartaMemo .}}{{wartaCard "partials/x.html" .}}{{else}}{{template "partials/x.html" .}}{{end}}
//
// wartaCard executes the partial once per Memo and keeps the bytes; a value
// without a Memo (anything but a list item, the eager first card of a
// list) takes the template call as it was. Only calls in text context are
// rewritten: the escaper renames a call elsewhere (an attribute, a
// script), and the partial's escaped output in text is what wartaCard
// keeps. The rewrite works on the escaped tree, so the escaper never sees
// the new nodes; the site's own partial of the same name is the one
// executed, as before.

// cardPartials are the partials that show one list item.
var cardPartials = []string{
	"partials/item.html",
	"partials/news-card.html",
	"partials/gallery-card.html",
	"partials/module-card.html",
}

// maxCardNesting bounds a card that calls itself with the same value
// (text/template's own depth check does not see through wartaCard). Real
// nesting is item.html calling a card, once per worker at a time.
const maxCardNesting = 1000

// Memo keeps the output of the card partials for one value. Its zero value
// is ready; a value that embeds a non-nil *Memo is cached. The value must
// not change after its first card is executed: give a changed copy no
// Memo (or a new one).
type Memo struct {
	mu     sync.Mutex
	out    []memoEntry
	active atomic.Int32
}

type memoEntry struct {
	name string
	html template.HTML
}

// memo is unexported so that templates cannot call it; a type embedding
// *Memo gets it, and with it the cache.
func (m *Memo) memo() *Memo { return m }

type memoized interface{ memo() *Memo }

func memoOf(dot any) *Memo {
	if v, ok := dot.(memoized); ok {
		return v.memo()
	}
	return nil
}

func (m *Memo) get(name string) (template.HTML, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.out {
		if e.name == name {
			return e.html, true
		}
	}
	return "", false
}

func (m *Memo) put(name string, h template.HTML) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.out {
		if e.name == name {
			return // another worker was first; same bytes
		}
		if e.html == h {
			h = e.html // item.html is often the card itself: keep one copy
		}
	}
	m.out = append(m.out, memoEntry{name, h})
}

// partialError carries the error of a card partial through wartaCard, so
// that Execute reports the partial's own file and line.
type partialError struct{ err error }

func (e *partialError) Error() string { return e.err.Error() }
func (e *partialError) Unwrap() error { return e.err }

// innermost returns the error of the partial that failed, as the template
// engine reports it when the partial is called in place.
func innermost(err error) error {
	var pe *partialError
	for errors.As(err, &pe) {
		err = pe.err
	}
	return err
}

var cardBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// cardFuncs are the functions the rewritten calls use in set.
func cardFuncs(set *template.Template) template.FuncMap {
	return template.FuncMap{
		"wartaMemo": func(dot any) bool { return memoOf(dot) != nil },
		"wartaCard": func(name string, dot any) (template.HTML, error) {
			m := memoOf(dot)
			if m != nil {
				if h, ok := m.get(name); ok {
					return h, nil
				}
				if m.active.Add(1) > maxCardNesting {
					m.active.Add(-1)
					return "", fmt.Errorf("%s calls itself without end", name)
				}
				defer m.active.Add(-1)
			}
			buf := cardBuffers.Get().(*bytes.Buffer)
			defer func() {
				buf.Reset()
				cardBuffers.Put(buf)
			}()
			if err := set.ExecuteTemplate(buf, name, dot); err != nil {
				return "", &partialError{err}
			}
			h := template.HTML(buf.String())
			if m != nil {
				m.put(name, h)
			}
			return h, nil
		},
	}
}

// memoizeCards escapes set and rewrites its calls of card partials (see
// above). A set that does not escape, or whose page template defines a
// card partial of its own, is left as it is: executing it reports the same
// error as before, or it keeps its own partial.
func memoizeCards(set *template.Template, pageSrc, pageName string) {
	if definesCard(pageSrc, pageName) {
		return
	}
	// html/template escapes a set at its first execution, and only an
	// escaped tree shows which calls sit in text. An empty struct stops
	// execution at the skeleton's first field.
	if !escaped(set.ExecuteTemplate(discard{}, Base, struct{}{})) {
		return
	}
	var names []string
	for _, n := range cardPartials {
		if set.Lookup(n) != nil && escaped(set.ExecuteTemplate(discard{}, n, struct{}{})) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return
	}
	set.Funcs(cardFuncs(set))
	seen := map[string]bool{}
	todo := append([]string{Base}, names...)
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		t := set.Lookup(n)
		if t == nil || t.Tree == nil {
			continue
		}
		todo = append(todo, rewriteCalls(t.Tree.Root, names)...)
	}
}

// escaped reports whether an execution got past escaping: its error, if
// any, is one of executing.
func escaped(err error) bool {
	var ee texttemplate.ExecError
	return err == nil || errors.As(err, &ee)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// definesCard reports whether a page template defines a card partial of
// its own, which would make its set's card differ from the others'.
func definesCard(src, name string) bool {
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tr.Parse(src, "", "", trees); err != nil {
		return true // not expected after a good parse; keep it as it is
	}
	for _, n := range cardPartials {
		if trees[n] != nil {
			return true
		}
	}
	return false
}

// rewriteCalls rewrites the card calls under n and returns the names of
// every template it calls, to be walked too.
func rewriteCalls(n parse.Node, cards []string) []string {
	var called []string
	var walk func(l *parse.ListNode)
	walk = func(l *parse.ListNode) {
		if l == nil {
			return
		}
		for i, node := range l.Nodes {
			switch x := node.(type) {
			case *parse.ListNode:
				walk(x)
			case *parse.IfNode:
				walk(x.List)
				walk(x.ElseList)
			case *parse.RangeNode:
				walk(x.List)
				walk(x.ElseList)
			case *parse.WithNode:
				walk(x.List)
				walk(x.ElseList)
			case *parse.TemplateNode:
				called = append(called, x.Name)
				if arg := simpleArg(x.Pipe); arg != nil && isCard(x.Name, cards) {
					l.Nodes[i] = cardCall(x, arg)
				}
			}
		}
	}
	if l, ok := n.(*parse.ListNode); ok {
		walk(l)
	}
	return called
}

func isCard(name string, cards []string) bool {
	for _, c := range cards {
		if c == name {
			return true
		}
	}
	return false
}

// simpleArg is the one argument of a call like {{template "x" .}}
// ({{template "x" .Field}}, {{template "x" $v}}), which may be evaluated
// twice without a difference; nil for anything else.
func simpleArg(p *parse.PipeNode) parse.Node {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.DotNode, *parse.FieldNode, *parse.VariableNode:
		return a
	}
	return nil
}

// cardCall is {{if wartaMemo arg}}{{wartaCard "name" arg}}{{else}}call{{end}}.
func cardCall(call *parse.TemplateNode, arg parse.Node) parse.Node {
	pos := call.Pos
	pipe := func(args ...parse.Node) *parse.PipeNode {
		return &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: call.Line,
			Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: args}}}
	}
	name := &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: strconv.Quote(call.Name), Text: call.Name}
	card := &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: call.Line,
		Pipe: pipe(parse.NewIdentifier("wartaCard").SetPos(pos), name, arg)}
	return &parse.IfNode{BranchNode: parse.BranchNode{
		NodeType: parse.NodeIf, Pos: pos, Line: call.Line,
		Pipe:     pipe(parse.NewIdentifier("wartaMemo").SetPos(pos), arg),
		List:     &parse.ListNode{NodeType: parse.NodeList, Pos: pos, Nodes: []parse.Node{card}},
		ElseList: &parse.ListNode{NodeType: parse.NodeList, Pos: pos, Nodes: []parse.Node{call}},
	}}
}
