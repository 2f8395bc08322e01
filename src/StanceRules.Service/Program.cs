using StanceRules.Extensions.DependencyInjection;
using StanceRules.Service;

// POST /stances: a fact document (YAML or JSON) in, the stance report out.
// Configuration section "StanceRules" (appsettings.json, environment variables such as
// StanceRules__RulesDirectory=/etc/stance-rules) sets the rules folder and hot reload.
var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<StanceRulesOptions>(builder.Configuration.GetSection("StanceRules"));
builder.Services.AddStanceRules();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapPost("/stances", StancesEndpoint.InferAsync);
app.MapGet("/rules", StancesEndpoint.Rules);
await app.RunAsync().ConfigureAwait(false);
