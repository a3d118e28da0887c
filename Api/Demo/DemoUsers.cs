namespace FundManager.Api.Demo;

/// <summary>The demo's people; the officer prepares, the approver approves, as segregation of duties requires.</summary>
public static class DemoUsers
{
    public const string Admin = "admin@demo.org";
    public const string Officer = "officer@demo.org";
    public const string Approver = "approver@demo.org";
    public const string Board = "board@demo.org";
}
