package io.securityinfo.twostep;

/** The code typed on the challenge page; checked by {@link SecondFactorFilter}, kept here to show it again. */
class TwoStepCodeForm {

	private String code;

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

}
