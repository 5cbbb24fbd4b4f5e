# Untested here: no Docker engine on the build machine. Build from the repository root:
#   docker build -f deploy/docker/api.Dockerfile -t nija-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The api build also builds the dashboard (api/web) with npm.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish api/Nija.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER app
ENV ASPNETCORE_URLS=http://+:8080 Nija__DataDir=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "Nija.Api.dll"]
