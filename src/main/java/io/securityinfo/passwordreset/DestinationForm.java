package io.securityinfo.passwordreset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The complete number or address a code should go to, typed in full to show it is the person's. */
class DestinationForm {

	@NotBlank(message = "{passwordreset.destination.required}")
	@Size(max = 320, message = "{passwordreset.destination.required}")
	private String destination;

	public String getDestination() {
		return destination;
	}

	public void setDestination(String destination) {
		this.destination = destination;
	}

}
