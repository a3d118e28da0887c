using FundManager.Api.Cluster;
using Xunit;

namespace FundManager.Tests.Infrastructure;

/// <summary>
/// A fresh database per test class, cloned from the migrated template, with a silo of the test's own on it (free ports,
/// the test's clock for what commands record) and the domain opened on both.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 12, 0, 0, TimeSpan.Zero));

    public FundHost Host { get; private set; } = null!;

    public FundSystem System => Host.System;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestServer.CreateDatabaseAsync();
        Host = await FundHost.OpenAsync(ConnectionString, Clock);
        await Host.StartSiloAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
