namespace FundManager.Tests.Infrastructure;

/// <summary>A fresh database per test class, cloned from the migrated template, with the domain opened on it.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));

    public FundSystem System { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync();
        System = await FundSystem.OpenAsync(ConnectionString, Clock);
    }

    public async Task DisposeAsync() => await System.DisposeAsync();
}
