package config

// DeployTarget is one place warta deploy publishes the built site to.
// Secrets are never kept here: only the names of environment variables or
// files outside the site that hold them.
type DeployTarget struct {
	Name string `yaml:"name"`
	// Kind is folder, sftp or s3.
	Kind string `yaml:"kind"`
}

// resolveDeploy checks the deploy targets.
func (c *Config) resolveDeploy(data []byte) []diagnostic {
	var ds []diagnostic
	for _, t := range c.Deploy {
		if t.Name == "" {
			ds = append(ds, invalid(data, "deploy", "every target needs a name"))
		}
	}
	return ds
}
