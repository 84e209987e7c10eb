# One image for the api, the worker and the one-shot migrate job (see docker-compose.yml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# --ignore-scripts: the image's npm 10 would run every dependency's install script, where the
# npm 11 used in development only runs the allow-listed ones (package.json "allowScripts"). None
# is needed here: native code (swc, argon2) comes as prebuilt per-platform packages, and the
# embedded PostgreSQL of `npm start` is not used in containers.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY . .
# `npm run build` also builds the web front end (Vite) into dist/web, which the api serves.
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The GSO lists, for `node dist/apps/api/src/cli/main.js import-units <dataset>`.
COPY --from=build /app/data/units ./data/units
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
