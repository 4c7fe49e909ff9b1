package dev.lbtriage.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import org.junit.jupiter.api.Test;

/** The Web API client that parses every answer with one Gson reads answers, headers and errors as the SDK's does. */
class SharedGsonMethodsClientTest {

  @Test
  void answersHeadersAndErrorsAreTheSdks() throws Exception {
    try (FakeSlackApi api = new FakeSlackApi()) {
      SlackConfig config = new SlackConfig();
      config.setMethodsEndpointUrlPrefix(api.apiUrl());
      Slack slack = Slack.getInstance(config);
      SharedGsonMethodsClient ours = new SharedGsonMethodsClient(slack, FakeSlackApi.TOKEN);
      var sdks = slack.methods(FakeSlackApi.TOKEN);

      ChatPostMessageResponse first = ours.chatPostMessage(r -> r.channel("C1").text("one"));
      ChatPostMessageResponse second = ours.chatPostMessage(r -> r.channel("C1").threadTs(first.getTs()).text("two"));
      ChatPostMessageResponse third = sdks.chatPostMessage(r -> r.channel("C1").threadTs(first.getTs()).text("three"));
      ChatUpdateResponse updated = ours.chatUpdate(r -> r.channel("C1").ts(second.getTs()).text("two, edited"));

      assertThat(first.isOk()).isTrue();
      assertThat(first.getChannel()).isEqualTo("C1");
      assertThat(second.getTs()).isNotEqualTo(first.getTs());
      assertThat(second.getHttpResponseHeaders()).containsOnlyKeys(third.getHttpResponseHeaders().keySet())
          .containsKey("content-type");
      assertThat(updated.getTs()).isEqualTo(second.getTs());
      assertThat(api.inThread("chat.postMessage", first.getTs())).extracting(c -> c.param("text"))
          .containsExactly("two", "three");
      assertThat(api.calls("chat.update")).singleElement().satisfies(c -> assertThat(c.param("text")).isEqualTo("two, edited"));

      api.rateLimitNext("chat.postMessage", 1);
      assertThatThrownBy(() -> ours.chatPostMessage(r -> r.channel("C1").text("four")))
          .isInstanceOfSatisfying(SlackApiException.class, e -> {
            assertThat(e.getResponse().code()).isEqualTo(429);
            assertThat(e.getResponse().header("Retry-After")).isEqualTo("1");
            assertThat(e.getError().getError()).isEqualTo("ratelimited");
          });
      assertThat(ours.chatPostMessage(r -> r.channel("C1").text("five")).getError()).isNull();
    }
  }
}
