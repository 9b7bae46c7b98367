package io.securityinfo.twostep;

/** "Use a Temporary Access Pass": the email and the pass, typed instead of the password. */
class TemporaryAccessPassSignInForm {

	private String email;

	private String pass;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPass() {
		return pass;
	}

	public void setPass(String pass) {
		this.pass = pass;
	}

}
