package auth

import "fmt"

// Role is what an account may do: Penulis writes, Penyunting edits and
// publishes, Admin does both and manages accounts.
type Role string

const (
	Penulis    Role = "penulis"    // writer
	Penyunting Role = "penyunting" // editor
	Admin      Role = "admin"
)

// Roles lists the roles from least to most allowed.
var Roles = []Role{Penulis, Penyunting, Admin}

// ParseRole accepts a role's name as staff type it.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q: use penulis, penyunting or admin", s)
}

// Action is one thing a person may do in the newsroom. The newsroom asks
// Can before doing it, on the server, for every request.
type Action string

const (
	View           Action = "view"            // dashboard, pages, preview of drafts, history
	Create         Action = "create"          // start a new page
	Edit           Action = "edit"            // save a page's fields and text
	Submit         Action = "submit"          // send a draft to review
	Return         Action = "return"          // send a page back to its writer with a comment
	Approve        Action = "approve"         // approve a page in review (publishes it)
	Publish        Action = "publish"         // publish or unpublish directly
	Delete         Action = "delete"          // move a page to the trash
	Restore        Action = "restore"         // restore an old version, or a page from the trash
	Upload         Action = "upload"          // add photos and attachments to a page
	ManageAccounts Action = "manage-accounts" // add, change and remove accounts
	ViewAudit      Action = "view-audit"      // read the audit log
	Deploy         Action = "deploy"          // publish the built site to the server
)

// Actions lists every action, for tables and tests.
var Actions = []Action{View, Create, Edit, Submit, Return, Approve, Publish, Delete, Restore, Upload, ManageAccounts, ViewAudit, Deploy}

// rule says who may do an action: every role from min up, and writers
// also on their own pages when own is set.
type rule struct {
	min Role
	own bool // a Penulis may, on a page they wrote
}

var rules = map[Action]rule{
	View:           {min: Penulis},
	Create:         {min: Penulis},
	Edit:           {min: Penyunting, own: true},
	Submit:         {min: Penyunting, own: true},
	Upload:         {min: Penyunting, own: true},
	Restore:        {min: Penyunting, own: true},
	Return:         {min: Penyunting},
	Approve:        {min: Penyunting},
	Publish:        {min: Penyunting},
	Delete:         {min: Penyunting},
	Deploy:         {min: Penyunting},
	ManageAccounts: {min: Admin},
	ViewAudit:      {min: Admin},
}

func rank(r Role) int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// Can reports whether role may do action. isOwner says the person wrote
// the page the action concerns (its author); it matters only for writers,
// who may edit, upload to, send to review and restore versions of their
// own pages. Whether the page is still a draft is a second rule: see
// CanPage. An unknown role or action may do nothing.
func Can(role Role, action Action, isOwner bool) bool {
	r, ok := rules[action]
	have := rank(role)
	if !ok || have < 0 {
		return false
	}
	if have >= rank(r.min) {
		return true
	}
	return r.own && isOwner && role == Penulis
}

// CanPage is Can for an action on an existing page in the given status
// ("draft", "review", "scheduled", "published", as schema.Status names
// them). Writers touch only their own drafts: once a page is in review or
// published, only an editor changes it (a returned page is a draft
// again).
func CanPage(role Role, action Action, isOwner bool, status string) bool {
	if !Can(role, action, isOwner) {
		return false
	}
	if rank(role) >= rank(Penyunting) {
		return true
	}
	switch action {
	case Edit, Submit, Upload, Restore:
		return status == "draft"
	}
	return true
}
