using FundManager.Api.Demo;
using FundManager.Tests.Infrastructure;

namespace FundManager.Reporting.Tests.Infrastructure;

/// <summary>
/// One database loaded with the demo data set, shared by every report test: reports only read, so they cannot
/// disturb one another, and the demo loads once instead of once per class.
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private readonly DatabaseFixture _database = new();

    public string ConnectionString => _database.ConnectionString;

    public FundSystem System => _database.System;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await new DemoDataSet(_database.System, _ => { }).LoadAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo data";
}
