namespace FundManager.Api.Tests.Infrastructure;

/// <summary>Reading the API's answers in tests.</summary>
public static class Answers
{
    /// <summary>The answer's JSON, after asserting its status (200 unless told), with the body in the message when it differs.</summary>
    public static async Task<JsonElement> Ok(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
