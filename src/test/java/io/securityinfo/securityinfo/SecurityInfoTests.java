package io.securityinfo.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.securityinfo.AppFixture;
import io.securityinfo.AppTest;
import io.securityinfo.securityinfo.phone.PhoneModes;

@AppTest
class SecurityInfoTests extends AppFixture {

	private static final AtomicInteger numbers = new AtomicInteger();

	@Autowired
	SecurityInfo securityInfo;

	long account;

	String number;

	@BeforeEach
	void newAccountAndNumber() {
		account = newAccountId();
		number = nextNumber();
	}

	@Test
	void registerWhenFirstSignInMethodIsProvenByTextThenItIsDefaultForTexts() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);

		Overview overview = securityInfo.overview(account);
		assertThat(phone.isDefault()).isTrue();
		assertThat(overview.methods()).containsExactly(phone);
		assertThat(overview.defaultMethod())
			.isEqualTo(new DefaultChoice(phone.id(), PhoneModes.TEXT, "method.type.PHONE.name", display(number)));
		assertThat(defaultModeOf(phone.id())).isEqualTo("TEXT");
	}

	@Test
	void registerWhenFirstSignInMethodIsProvenByCallThenItIsDefaultForCalls() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.CALL);

		assertThat(securityInfo.overview(account).defaultMethod().mode()).isEqualTo(PhoneModes.CALL);
		assertThat(defaultModeOf(phone.id())).isEqualTo("CALL");
	}

	@Test
	void overviewWhenNothingIsRegisteredThenNoMethodsAndNoDefault() {
		Overview overview = securityInfo.overview(account);

		assertThat(overview.methods()).isEmpty();
		assertThat(overview.defaultMethod()).isNull();
	}

	@Test
	void defaultChoicesWhenPhoneIsRegisteredThenTextAndCallInThatOrder() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);

		assertThat(securityInfo.defaultChoices(account)).extracting(DefaultChoice::value)
			.containsExactly(phone.id() + ":TEXT", phone.id() + ":CALL");
	}

	@Test
	void changeDefaultWhenCallIsChosenThenOverviewShowsCall() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);

		securityInfo.changeDefault(account, phone.id(), PhoneModes.CALL);

		assertThat(securityInfo.overview(account).defaultMethod())
			.isEqualTo(new DefaultChoice(phone.id(), PhoneModes.CALL, "method.type.PHONE.name", display(number)));
		assertThat(defaultModeOf(phone.id())).isEqualTo("CALL");
	}

	@Test
	void changeDefaultWhenMethodBelongsToAnotherAccountThenNotFoundAndNothingChanges() {
		MethodView own = securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);
		long otherAccount = newAccountId();
		MethodView othersPhone = securityInfo.register(otherAccount, "PHONE", nextNumber(), PhoneModes.TEXT);

		assertThatExceptionOfType(MethodNotFoundException.class)
			.isThrownBy(() -> securityInfo.changeDefault(account, othersPhone.id(), PhoneModes.CALL));

		assertThat(defaultModeOf(othersPhone.id())).isEqualTo("TEXT");
		assertThat(defaultModeOf(own.id())).isEqualTo("TEXT");
		assertThat(auditActions(account)).containsExactly("METHOD_ADDED", "DEFAULT_METHOD_CHANGED");
	}

	@Test
	void deleteWhenMethodBelongsToAnotherAccountThenNotFoundAndNothingIsDeleted() {
		long otherAccount = newAccountId();
		MethodView othersPhone = securityInfo.register(otherAccount, "PHONE", number, PhoneModes.TEXT);

		assertThatExceptionOfType(MethodNotFoundException.class)
			.isThrownBy(() -> securityInfo.previewDelete(account, othersPhone.id()));
		assertThatExceptionOfType(MethodNotFoundException.class)
			.isThrownBy(() -> securityInfo.delete(account, othersPhone.id()));

		assertThat(securityInfo.overview(otherAccount).methods()).containsExactly(othersPhone);
	}

	@Test
	void deleteWhenMethodIsDefaultAndNoOtherIsLeftThenNoDefault() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.CALL);

		DeletePreview preview = securityInfo.previewDelete(account, phone.id());
		securityInfo.delete(account, phone.id());

		assertThat(preview.isDefault()).isTrue();
		assertThat(preview.nextDefault()).isNull();
		Overview overview = securityInfo.overview(account);
		assertThat(overview.methods()).isEmpty();
		assertThat(overview.defaultMethod()).isNull();
		assertThat(jdbc.queryForObject("select count(*) from security_method where account_id = ?", Integer.class,
				account))
			.isZero();
	}

	@Test
	void addOptionsWhenPhoneIsRegisteredThenPhoneIsNoLongerOffered() {
		assertThat(securityInfo.addOptions(account).types()).extracting(MethodType::id).contains("PHONE");
		assertThat(securityInfo.hasMethodOfType(account, "PHONE")).isFalse();

		securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);

		assertThat(securityInfo.addOptions(account).types()).extracting(MethodType::id).doesNotContain("PHONE");
		assertThat(securityInfo.hasMethodOfType(account, "PHONE")).isTrue();
	}

	@Test
	void addOptionsWhenPhoneIsDeletedThenPhoneIsOfferedAgain() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);

		securityInfo.delete(account, phone.id());

		assertThat(securityInfo.addOptions(account).types()).extracting(MethodType::id).contains("PHONE");
	}

	@Test
	void registerChangeDefaultAndDeleteWhenDoneThenAuditLogHasThemWithMaskedNumber() {
		MethodView phone = securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);
		securityInfo.changeDefault(account, phone.id(), PhoneModes.CALL);
		securityInfo.delete(account, phone.id());

		String masked = "PHONE +XX XXXXXXX" + number.substring(number.length() - 2);
		assertThat(auditRows(account)).containsExactly(new AuditRow("METHOD_ADDED", masked),
				new AuditRow("DEFAULT_METHOD_CHANGED", masked + " TEXT"),
				new AuditRow("DEFAULT_METHOD_CHANGED", masked + " CALL"), new AuditRow("METHOD_DELETED", masked));
		assertThat(auditRows(account)).extracting(AuditRow::detail)
			.allSatisfy(detail -> assertThat(detail).doesNotContain(number.substring(3)));
	}

	@Test
	void isRegisteredWhenSameTypeAndNumberThenTrueOtherwiseFalse() {
		securityInfo.register(account, "PHONE", number, PhoneModes.TEXT);

		assertThat(securityInfo.isRegistered(account, "PHONE", number)).isTrue();
		assertThat(securityInfo.isRegistered(account, "PHONE", nextNumber())).isFalse();
		assertThat(securityInfo.isRegistered(newAccountId(), "PHONE", number)).isFalse();
	}

	private long newAccountId() {
		return newEmployee().id();
	}

	private static String nextNumber() {
		return "+31657%06d".formatted(numbers.incrementAndGet());
	}

	/** "+31657000001" as people read it: "+31 6 57000001". */
	private static String display(String e164) {
		return "+31 6 " + e164.substring(4);
	}

	/** Each row's detail: its method's type, masked number and mode, "PHONE +XX XXXXXXX78 TEXT". */
	private List<AuditRow> auditRows(long accountId) {
		return auditRows(accountId, "method_type || ' ' || target || coalesce(' ' || method_mode, '')");
	}

}
