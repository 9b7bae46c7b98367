package io.securityinfo.securityinfo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.securityinfo.policy.AuthenticationMethod;
import io.securityinfo.policy.AuthenticationMethods;

/**
 * Every method type the product knows, in strength order: the {@link MethodType} beans, wherever they are. What is
 * listed per kind elsewhere (the policy's authentication methods, the second factors, the ways to reset a password)
 * is read from here.
 */
@Component
public class MethodTypes implements AuthenticationMethods {

	private final List<MethodType> types;

	MethodTypes(List<MethodType> types) {
		this.types = types.stream().sorted(Comparator.comparingInt(MethodType::rank)).toList();
	}

	public List<MethodType> all() {
		return types;
	}

	/** Every sign-in mode, once, the strongest type's first. */
	public List<MethodMode> signInModes() {
		return types.stream().flatMap(type -> type.signInModes().stream()).distinct().toList();
	}

	/** The policy's switches: those of every type, once, in strength order and each type's modes in order. */
	@Override
	public List<AuthenticationMethod> authenticationMethods() {
		return types.stream().flatMap(type -> type.policyMethods().stream()).distinct().toList();
	}

	/** Every way to reset a password, in the order the reset pages list them. */
	public List<ResetWay> resetWays() {
		return types.stream()
			.flatMap(type -> type.resetWays().stream())
			.sorted(Comparator.comparingInt(ResetWay::order))
			.toList();
	}

	Optional<MethodType> find(String id) {
		return types.stream().filter(type -> type.id().equals(id)).findFirst();
	}

	MethodType get(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("Unknown method type " + id));
	}

}
