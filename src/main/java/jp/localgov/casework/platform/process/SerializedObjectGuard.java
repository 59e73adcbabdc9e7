package jp.localgov.casework.platform.process;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import org.springframework.stereotype.Component;

/**
 * Refuses, when it is written, an object variable sent in serialized form (over the REST
 * API, a Tasklist form, or any other way from outside) unless it is JSON of plain values,
 * lists and maps that can certainly be read again — so no stored variable can make a
 * task's form fail later. Values the application sets as Java objects are not affected.
 * <p>
 * The engine asks every serializer of object values whether it can handle a value before
 * storing it; this one never handles a value, it refuses the ones that must not be
 * stored.
 */
@Component
class SerializedObjectGuard extends AbstractProcessEnginePlugin implements TypedValueSerializer<ObjectValue> {

	private static final String JSON = SerializationDataFormats.JSON.getName();

	/** Types a JSON object variable from outside may have (also as type arguments). */
	private static final Set<String> READABLE_TYPES = Set.of("java.lang.String", "java.lang.Boolean",
			"java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Double", "java.lang.Float",
			"java.lang.Object", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap",
			"java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
			"java.util.TreeSet");

	private static final Pattern TYPE_NAME = Pattern.compile("[\\p{javaJavaIdentifierPart}.$]+");

	private final ObjectMapper json = new ObjectMapper();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers();
		if (serializers == null) {
			serializers = new java.util.ArrayList<>();
			configuration.setCustomPreVariableSerializers(serializers);
		}
		serializers.add(0, this);
	}

	@Override
	public String getName() {
		return "casework-serialized-object-guard";
	}

	@Override
	public ValueType getType() {
		return ValueType.OBJECT;
	}

	@Override
	public boolean canHandle(TypedValue value) {
		if (value instanceof ObjectValue object && !object.isDeserialized()) {
			refuseUnreadable(object);
		}
		return false;
	}

	private void refuseUnreadable(ObjectValue object) {
		String format = object.getSerializationDataFormat();
		String typeName = object.getObjectTypeName();
		if (format != null && !JSON.equals(format)) {
			throw refused("形式 " + format + " のオブジェクト変数は受け付けられません。 / Object variables in " + format + " are refused.");
		}
		if (typeName == null || typeName.isBlank()) {
			throw refused("オブジェクト変数には型名（objectTypeName）が必要です。 / An object variable needs an objectTypeName.");
		}
		Matcher names = TYPE_NAME.matcher(typeName);
		while (names.find()) {
			if (!READABLE_TYPES.contains(names.group())) {
				throw refused("型 " + typeName + " の変数は受け付けられません。文字列、数値、日付、真偽値または Json で送ってください。 / Variables of type "
						+ typeName + " are refused; send String, a number, Date, Boolean or Json.");
			}
		}
		String serialized = object.getValueSerialized();
		if (serialized == null) {
			return;
		}
		try {
			JavaType type = this.json.getTypeFactory().constructFromCanonical(typeName);
			this.json.readValue(serialized, type);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw refused("変数の値が型 " + typeName + " の JSON として読めません。 / The value is not JSON of type " + typeName + ".");
		}
	}

	private static RefusedVariableException refused(String message) {
		return new RefusedVariableException(message);
	}

	@Override
	public void writeValue(ObjectValue value, ValueFields valueFields) {
		throw new UnsupportedOperationException("never handles a value");
	}

	@Override
	public ObjectValue readValue(ValueFields valueFields, boolean deserializeValue, boolean isTransient) {
		throw new UnsupportedOperationException("never handles a value");
	}

	@Override
	public ObjectValue convertToTypedValue(UntypedValueImpl untypedValue) {
		throw new UnsupportedOperationException("never handles a value");
	}

	@Override
	public String getSerializationDataformat() {
		return null;
	}

	@Override
	public boolean isMutableValue(ObjectValue typedValue) {
		return false;
	}

}
