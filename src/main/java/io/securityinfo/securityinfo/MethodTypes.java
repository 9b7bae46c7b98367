package io.securityinfo.securityinfo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every method type the product knows, in strength order. */
@Component
public class MethodTypes {

	private final List<MethodType> types;

	MethodTypes(List<MethodType> types) {
		this.types = types.stream().sorted(Comparator.comparingInt(MethodType::rank)).toList();
	}

	public List<MethodType> all() {
		return types;
	}

	Optional<MethodType> find(String id) {
		return types.stream().filter(type -> type.id().equals(id)).findFirst();
	}

	MethodType get(String id) {
		return find(id).orElseThrow(() -> new IllegalStateException("Unknown method type " + id));
	}

}
