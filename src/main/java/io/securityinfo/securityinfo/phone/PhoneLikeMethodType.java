package io.securityinfo.securityinfo.phone;

import java.util.List;

import io.securityinfo.securityinfo.MethodMode;
import io.securityinfo.securityinfo.MethodType;
import io.securityinfo.phone.PhoneNumber;
import io.securityinfo.phone.PhoneNumbers;

/**
 * A type whose methods are phone numbers proven by a code that a text or a call brings. Phone, Alternate phone and
 * Office phone share one add-and-change flow ({@link PhoneController}, {@link PhoneRegistration}) and differ only in
 * this metadata: where their pages are, the modes they prove and sign in with, whether they take an extension, and
 * the keys of the sentences that name them.
 */
public abstract class PhoneLikeMethodType implements MethodType {

	private final String id;

	private final int rank;

	private final String slug;

	private final List<MethodMode> signInModes;

	private final PhoneNumbers phoneNumbers;

	/**
	 * @param id the type's stored id
	 * @param rank its strength rank (lower is stronger)
	 * @param slug its pages are under {@code /security-info/{slug}}, which {@link PhoneController} maps
	 * @param signInModes the modes it is proven and signs in with, preferred first
	 */
	PhoneLikeMethodType(String id, int rank, String slug, List<MethodMode> signInModes, PhoneNumbers phoneNumbers) {
		this.id = id;
		this.rank = rank;
		this.slug = slug;
		this.signInModes = List.copyOf(signInModes);
		this.phoneNumbers = phoneNumbers;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public int rank() {
		return rank;
	}

	@Override
	public List<MethodMode> signInModes() {
		return signInModes;
	}

	/** The type's pages are under {@code /security-info/{slug}}. */
	String slug() {
		return slug;
	}

	/** Whether the number may have an extension, as a desk phone behind an office switchboard does. */
	public boolean hasExtension() {
		return false;
	}

	/** What the number page says the number is for. */
	public String introKey() {
		return "phone.intro." + id();
	}

	/** What the last page says once the number is registered, proven in this mode. */
	String registeredKey(MethodMode provenMode) {
		return "phone.registered." + id();
	}

	/** Why a second number of this type is refused: each person has at most one method of each type. */
	String alreadyRegisteredKey() {
		return "phone.already-registered." + id();
	}

	@Override
	public String addPath() {
		return "/security-info/" + slug();
	}

	/** A person has one method of each type, so the page needs no method id. */
	@Override
	public String changePath(long methodId) {
		return changeFormPath();
	}

	/** Where a new number for the registered method is entered; it replaces the old one once its code comes back. */
	String changeFormPath() {
		return addPath() + "/change";
	}

	/** libphonenumber reads the extension of a stored detail too: "+31 20 123 4567 ext. 12". */
	@Override
	public String displayDetail(String storedDetail) {
		return phoneNumbers.formatInternational(storedDetail);
	}

	/** The number a code goes to: without an office phone's extension, which is not dialled. */
	@Override
	public String codeDestination(String storedDetail) {
		return PhoneNumber.e164Of(storedDetail);
	}

	@Override
	public String maskedDetail(String storedDetail) {
		return PhoneNumbers.mask(PhoneNumber.e164Of(storedDetail));
	}

	/** The country code stays, so that the person can tell their numbers apart: "+31 XXXXXXX78". */
	@Override
	public String notifiedDetail(String storedDetail) {
		return PhoneNumbers.maskButCountry(PhoneNumber.e164Of(storedDetail));
	}

}
