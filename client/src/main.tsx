import "@fontsource-variable/inter";
import "./styles.css";
import { render } from "solid-js/web";
import { App } from "./app.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("Missing #root element in index.html");

render(() => <App />, root);
