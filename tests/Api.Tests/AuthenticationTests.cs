namespace FundManager.Api.Tests;

public sealed class AuthenticationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Login_gives_a_bearer_token_that_opens_the_api_and_refresh_gives_another()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/funds")).StatusCode);

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = DemoUsers.Officer, password = DemoUsers.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<ApiFactory.TokenResponse>())!;
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(3600, token.ExpiresIn);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/funds");
        request.Headers.Authorization = new("Bearer", token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "forged" })).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_a_locked_account_cannot_log_in()
    {
        var email = $"locked-{Guid.NewGuid():N}@test.org";
        await new Identity.UserStore(api.System.DataSource, TimeProvider.System).AddAsync(email, "correct-horse-battery", [Identity.Role.Board], null);
        var client = api.CreateClient();
        for (var i = 0; i < Identity.UserStore.MaxFailedLogins; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-x" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "correct-horse-battery" });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.True((await new Identity.UserStore(api.System.DataSource, TimeProvider.System).FindAsync(email))!.IsLocked(DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_callers_reach_health_and_the_openapi_document(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync(path)).StatusCode);

    [Fact]
    public async Task Logout_and_disabling_invalidate_tokens_already_issued()
    {
        // The server's own store, as `users disable` in another process is seen only after UserStore.TokenCheckFreshness.
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Identity.UserStore>(api.Services);
        var email = $"leaver-{Guid.NewGuid():N}@test.org";
        await store.AddAsync(email, DemoUsers.Password, [Identity.Role.Auditor], null);
        var first = await api.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/funds")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/funds")).StatusCode);

        await Task.Delay(10);
        var second = await api.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/funds")).StatusCode);
        Assert.True(await store.DisableAsync(email));
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/funds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoUsers.Password })).StatusCode);
    }

    [Fact]
    public async Task An_administrator_adds_and_disables_users_once_per_idempotency_key()
    {
        var admin = await api.LoginAsync(DemoUsers.Admin);
        var email = $"New.Officer-{Guid.NewGuid():N}@Test.org";
        var body = JsonSerializer.Serialize(new { email, password = DemoUsers.Password, roles = new[] { "officer" } });

        var first = await Send(admin, "/api/v1/users", body, "add-user-1");
        var replay = await Send(admin, "/api/v1/users", body, "add-user-1");
        var otherBody = await Send(admin, "/api/v1/users", JsonSerializer.Serialize(new { email, password = DemoUsers.Password, roles = new[] { "board" } }), "add-user-1");
        var duplicate = await Send(admin, "/api/v1/users", body, "add-user-2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var user = await api.LoginAsync(email.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/grants?limit=1")).StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.Equal(["officer"], listed.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email.ToLowerInvariant()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("password", listed.GetRawText(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await Send(admin, $"/api/v1/users/{email.ToLowerInvariant()}/disable", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/grants?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(admin, "/api/v1/users/nobody@test.org/disable", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(await api.LoginAsync(DemoUsers.Officer), "/api/v1/users", body, null)).StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string url, string? body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
