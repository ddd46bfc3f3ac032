package preflight.slack.checklist;

import java.io.IOException;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.slack.api.model.block.composition.PlainTextObject;

/**
 * An option description in mrkdwn. Slack allows it in checkboxes (so a description can hold a
 * link), but the SDK's model types the field as plain text: this subclass is written as mrkdwn.
 */
@JsonAdapter(MrkdwnDescription.Writer.class)
final class MrkdwnDescription extends PlainTextObject {

    MrkdwnDescription(String text) {
        setText(text);
    }

    static final class Writer extends TypeAdapter<MrkdwnDescription> {

        @Override
        public void write(JsonWriter out, MrkdwnDescription description) throws IOException {
            out.beginObject().name("type").value("mrkdwn").name("text").value(description.getText()).endObject();
        }

        @Override
        public MrkdwnDescription read(JsonReader in) {
            throw new UnsupportedOperationException("only ever sent to Slack");
        }
    }
}
