package session

import "github.com/hyperline-tui/hlx/config"

// envLabel is "sandbox (https://sandbox.api.hyperline.co)" or the URL.
func envLabel(apiURL string) string {
	if name := config.EnvironmentName(apiURL); name != apiURL {
		return name + " (" + apiURL + ")"
	}
	return apiURL
}
