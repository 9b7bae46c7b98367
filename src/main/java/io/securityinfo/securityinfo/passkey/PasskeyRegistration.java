package io.securityinfo.securityinfo.passkey;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.securityinfo.account.Accounts;
import io.securityinfo.account.SignedInUser;
import io.securityinfo.passkey.Passkey;
import io.securityinfo.passkey.Passkeys;
import io.securityinfo.securityinfo.MethodNotAllowedException;
import io.securityinfo.securityinfo.SecurityInfo;
import io.securityinfo.securityinfo.SecurityInfoChanged;
import io.securityinfo.securityinfo.SecurityInfoChanged.Change;

/**
 * A person's passkeys as security info: the first passkey makes the "Passkey" method (and, with no default yet, the
 * default), the last one deleted removes it (refused while it is the last way to give a required second step); the
 * ones in between are changes of that method, told with the passkey's name. Each is audited and mailed through
 * {@link SecurityInfoChanged}, in the same transaction as the change.
 */
@Service
class PasskeyRegistration {

	private final Passkeys passkeys;

	private final SecurityInfo securityInfo;

	private final Accounts accounts;

	PasskeyRegistration(Passkeys passkeys, SecurityInfo securityInfo, Accounts accounts) {
		this.passkeys = passkeys;
		this.securityInfo = securityInfo;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	boolean isAllowed(long accountId) {
		return securityInfo.isAllowed(accountId, PasskeyMethodType.ID);
	}

	@Transactional(readOnly = true)
	List<Passkey> list(SignedInUser user) {
		return passkeys.list(user.email());
	}

	@Transactional(readOnly = true)
	boolean isFull(SignedInUser user) {
		return passkeys.count(user.email()) >= passkeys.maxPerPerson();
	}

	int maxPerPerson() {
		return passkeys.maxPerPerson();
	}

	@Transactional(readOnly = true)
	Passkey get(SignedInUser user, String passkeyId) {
		return passkeys.get(user.email(), passkeyId);
	}

	/**
	 * Keeps the passkey the browser just made, once it verifies against this session's prompt.
	 * @throws MethodNotAllowedException when the policy does not let the person use passkeys
	 */
	@Transactional
	Passkey register(SignedInUser user, HttpServletRequest request, HttpServletResponse response,
			String credentialJson, String name) {
		if (!isAllowed(user.id())) {
			throw new MethodNotAllowedException();
		}
		Passkey added = passkeys.register(request, response, user.email(), credentialJson, name);
		if (securityInfo.hasMethodOfType(user.id(), PasskeyMethodType.ID)) {
			securityInfo.publishCredentialChange(user.id(), PasskeyMethodType.ID, Change.METHOD_ADDED, added.name(),
					null);
		}
		else {
			securityInfo.register(user.id(), PasskeyMethodType.ID, PasskeyMethodType.DETAIL,
					PasskeyMethodType.PASSKEY);
		}
		return added;
	}

	@Transactional
	void rename(SignedInUser user, String passkeyId, String name) {
		String before = passkeys.rename(user.email(), passkeyId, name);
		if (!before.equals(name)) {
			securityInfo.publishCredentialChange(user.id(), PasskeyMethodType.ID, Change.METHOD_CHANGED, name,
					before);
		}
	}

	/**
	 * Deletes one passkey; the last one takes the method with it.
	 * @throws io.securityinfo.securityinfo.LastTwoStepMethodException when it is the last way the person can give a
	 * second step that the policy requires of them
	 */
	@Transactional
	void delete(SignedInUser user, String passkeyId) {
		Passkey passkey = passkeys.get(user.email(), passkeyId);
		if (passkeys.count(user.email()) > 1) {
			passkeys.delete(user.email(), passkeyId);
			securityInfo.publishCredentialChange(user.id(), PasskeyMethodType.ID, Change.METHOD_DELETED,
					passkey.name(), null);
			return;
		}
		securityInfo.methodIdOfType(user.id(), PasskeyMethodType.ID)
			.ifPresentOrElse(methodId -> securityInfo.delete(user.id(), methodId),
					() -> passkeys.delete(user.email(), passkeyId));
	}

	/**
	 * The "Passkey" method gone (its last passkey deleted, the method deleted from Security info or by an
	 * administrator, every method deleted): its passkeys go with it, so none signs in any more.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(SecurityInfoChanged changed) {
		boolean passkeyMethodGone = switch (changed.change()) {
			case METHOD_DELETED -> PasskeyMethodType.ID.equals(changed.method().typeId());
			case ALL_METHODS_DELETED -> changed.deleted()
				.stream()
				.anyMatch(method -> PasskeyMethodType.ID.equals(method.typeId()));
			default -> false;
		};
		if (passkeyMethodGone && !securityInfo.hasMethodOfType(changed.accountId(), PasskeyMethodType.ID)) {
			accounts.find(changed.accountId()).ifPresent(account -> passkeys.deleteAll(account.email()));
		}
	}

}
